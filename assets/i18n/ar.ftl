# واجهة حاشية بالعربية الفصحى. لكل مفتاح هنا نظير في en.ftl (يتحقق اختبار من ذلك في الاتجاهين).
# Latin key names in parentheses are isolated (U+2066 … U+2069) so that «(Ctrl +)» keeps its order in a right-to-left line.
# Hashiya's window in Arabic; plural forms follow CLDR: zero, one, two, few (3–10), many (11–99), other.


## Menu bar
menu-file = ملف
menu-edit = تحرير
menu-suggest = اقتراح
menu-view = عرض
menu-open = فتح…  (⁦Ctrl+O⁩)
menu-open-folder = فتح مجلد…
menu-recent = الملفات الأخيرة
menu-recent-none = لا ملفات حديثة
menu-save = حفظ  (⁦Ctrl+S⁩)
menu-save-as = حفظ باسم…  (⁦Ctrl+Shift+S⁩)
menu-overwrite = الكتابة فوق ملف الوسوم على القرص
menu-export = تصدير…
menu-export-suggestions = تضمين الاقتراحات (ككيانات)
menu-import = استيراد…
menu-compare = مقارنة مع…
menu-compare-file = ملف وسوم…
menu-compare-folder = مجلد (مدوّنة)…
menu-autosave = حفظ تلقائي
menu-builtin-picker = منتقي الملفات المدمج
menu-annotator = المُوسِّم
menu-annotator-hint = اسمك
menu-annotator-tip = يُكتب في الملفات التي تحفظها
menu-quit = خروج  (⁦Ctrl+Q⁩)
menu-undo = تراجع  (⁦Ctrl+Z⁩)
menu-redo = إعادة  (⁦Ctrl+Shift+Z⁩)
menu-delete-entity = حذف الكيان  (⁦Del⁩)
menu-threshold = عتبة النموذج
menu-threshold-tip = لا تُعرض الاقتراحات المتعلَّمة الأقل ثقةً من هذه القيمة (كلما ارتفعت: أدق وأقل عددًا)
menu-suggest-gazetteer = من قائمة أسماء…
menu-suggest-corpus = من المدوّنة
menu-suggest-model = نموذجك الخاص…
model-title = الاقتراح بنموذجك الخاص
model-explain = يقترح نموذجك (نموذج محوِّلات مضبوط خلف سكربت مثلًا) أسماءً في المستند المفتوح. تشغّل حاشية الأمر عبر ⁦sh -c⁩ وتتحقق من كل مقطع في جوابه قبل أي تغيير؛ والأمر الذي يفشل أو يعلق (5 دقائق) أو يجيب خطأً لا يغيّر شيئًا. ولمدوّنة كاملة: ⁦hashiya suggest DIR --command CMD⁩.
model-request = يقرأ من stdin سطر JSON واحدًا:
model-request-example = {"{"}"name": "news/a.txt", "text": "…", "labels": ["PER", "ORG", "LOC"]{"}"}
model-answer = ويجيب على stdout بسطر واحد (المواضع بعدّ المحارف والنهاية غير داخلة؛ ويجوز ترك الثقة 0–1؛ انظر ⁦docs/formats.md⁩):
model-answer-example = {"{"}"name": "news/a.txt", "spans": [[0, 4, "LOC", 0.93]]{"}"}
model-command = الأمر
model-wait = يجري اقتراح آخر؛ ينتظره التشغيل.
model-run = تشغيل
model-cancel = إلغاء
model-running = يُسأل نموذجك ({ $command })…
model-failed = لم يُستعمل جواب نموذجك ولم يتغيّر شيء: { $detail }
menu-next-suggestion = الاقتراح التالي  (⁦N⁩)
menu-previous-suggestion = الاقتراح السابق  (⁦P⁩)
menu-accept = قبول  (⁦Enter⁩)
menu-reject = رفض  (⁦Backspace⁩)
menu-zoom-in = تكبير  (⁦Ctrl +⁩)
menu-zoom-out = تصغير  (⁦Ctrl −⁩)
menu-zoom-reset = الحجم الفعلي  (⁦Ctrl 0⁩)
menu-theme-light = مظهر فاتح
menu-theme-dark = مظهر داكن
menu-reading-font = خط القراءة
menu-font-naskh = نوتو نسخ (نسخ للنصوص)
menu-font-amiri = أميري (نسخ الكتب)
menu-font-sans = نوتو سانس (خط بلا زوائد للشاشات)
menu-line-height = تباعد الأسطر
menu-tashkeel = إظهار التشكيل
menu-language = اللغة
menu-language-system = لغة النظام ({ $language })
menu-help = مساعدة
menu-about = عن حاشية

## Label bar
labels-chip-tip = وسم التحديد (أو تغيير وسم الكيان المحدد)
labels-edit = تحرير الوسوم…
labels-hint-suggestion = اقتراح: Enter للقبول · 1–9 للقبول بوسم · Backspace للرفض · N / P التالي / السابق
labels-hint-suggestions = السحب يحدد كلمات · 1–9 للوسم · N / P: التنقل بين الاقتراحات
labels-hint = السحب يحدد كلمات · Alt+سحب: حروف · 1–9 للوسم · Del للحذف

## Status bar
status-model-learning = النموذج: جارٍ التعلّم…
status-model = النموذج: المستندات { $docs }، الوحدات { $tokens }
status-model-starter = النموذج: المبدئي (لا مستند منجز بعد)
status-model-tip = نموذج الاقتراحات، يُعاد تدريبه في الخلفية كلما عُلِّم مستند بأنه منجز
status-entities = { $n ->
    [zero] لا كيانات
    [one] كيان واحد
    [two] كيانان
    [few] { $n } كيانات
    [many] { $n } كيانًا
   *[other] { $n } كيان
}
status-suggestions = { $n ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $n } اقتراحات
    [many] { $n } اقتراحًا
   *[other] { $n } اقتراح
}
status-orphans = { $n ->
    [zero] لا كيانات مفقودة
    [one] كيان مفقود واحد
    [two] كيانان مفقودان
    [few] { $n } كيانات مفقودة
    [many] { $n } كيانًا مفقودًا
   *[other] { $n } كيان مفقود
}
status-layout = التخطيط
status-store-broken = • غير محفوظ: تعذّرت قراءة ملف الوسوم
status-store-changed = • غير محفوظ: تغيّر ملف الوسوم على القرص
status-store-tip = عملك محفوظ في الذاكرة. ملف > مقارنة مع… يعرض النسختين؛ حفظ باسم… يكتب نسختك في مكان آخر؛ ملف > الكتابة فوق ملف الوسوم على القرص يكتب فوقه
status-unsaved = • غير محفوظ
status-saved = محفوظ
empty-hint = افتح مقالًا من ملف > فتح… أو أفلت ملفًا هنا

## Learning in the background
learn-could-not-start = تعذّر بدء التعلّم: { $detail }
learn-stopped = توقف التعلّم على نحو غير متوقع
learn-done = اكتمل التعلّم (المستندات { $docs }، الوحدات { $tokens }): { $n ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $n } اقتراحات
    [many] { $n } اقتراحًا
   *[other] { $n } اقتراح
} هنا
learn-done-starter = النموذج المبدئي (لا مستندات منجزة يُتعلَّم منها بعد): { $n ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $n } اقتراحات
    [many] { $n } اقتراحًا
   *[other] { $n } اقتراح
} هنا

## Documents of a corpus
docs-progress = أُنجز { $done } من { $total } · { $entities ->
    [zero] لا كيانات
    [one] كيان واحد
    [two] كيانان
    [few] { $entities } كيانات
    [many] { $entities } كيانًا
   *[other] { $entities } كيان
}
docs-reading = جارٍ قراءة المستندات… { $scanned } / { $all }
docs-problems = { $n ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $n } مشكلات
    [many] { $n } مشكلةً
   *[other] { $n } مشكلة
}
docs-this-document = هذا المستند:
docs-done-next = منجز، التالي
docs-done-next-tip = وسمه بأنه منجز وفتح المستند التالي الذي لم يُنجز (⁦Ctrl+Enter⁩)
docs-overview = نظرة عامة
docs-overview-tip = مخططات المدوّنة كاملةً
docs-status = الحالة
docs-status-all = الكل
docs-name-hint = الاسم
docs-order = الترتيب
docs-order-file = ترتيب الملفات
docs-order-uncertain = الأقل يقينًا أولًا
docs-order-tip = أيّ مستند يُعمل عليه بعد ذلك (في هذه القائمة وبـ ⁦Ctrl+Enter⁩): بترتيب الملفات في المجلد، أو أولًا المستندات التي تكون الاقتراحات أقلَّ يقينًا بشأنها (أخطاؤها المتوقعة لكل 100 كلمة)، فهي التي تعلّم النموذج أكثر. يُحفظ في ملف المدوّنة.
docs-ranking = جارٍ الترتيب… { $done } / { $all }
docs-ranking-waiting = في انتظار نموذج الاقتراحات…
docs-ranking-nothing = بترتيب الملفات حاليًا
docs-ranking-nothing-tip = لا شيء يُرتَّب به: النموذج المبدئي معطَّل ولا يحوي أيّ مستند منجز كيانات بعد
docs-not-ranked = لم يُرتَّب بعد
docs-uncertainty-tip = الرتبة { $rank } بين المستندات الباقية · الأخطاء المتوقعة في الاقتراحات لكل 100 كلمة: { $score }
doc-status-new = جديد
doc-status-in-progress = قيد العمل
doc-status-done = منجز
doc-status-skipped = متجاوَز

## Corpus overview
overview-title = نظرة عامة على المدوّنة
overview-labels = الكيانات حسب الوسم
overview-status = المستندات حسب الحالة
overview-entities = المستندات حسب عدد الكيانات

## Entities panel
entities-title = الكيانات
entities-all = الكل { $n }
entities-orphans = كيانات مفقودة ({ $n }): لم يُعثر عليها في النص بعد تغييره
entities-relabel = تغيير الوسم إلى { $label }
entities-delete-tip = حذف الكيان

## Suggestions panel
suggestions-title = الاقتراحات ({ $n })
suggestions-keys-tip = N / P: التالي / السابق · Enter أو مفتاح وسم: قبول · Backspace: رفض
suggestions-accept-all = قبول الكل
suggestions-reject-all = رفض الكل
suggestions-accept-tip = قبول
suggestions-reject-tip = رفض
suggestions-info = { $source } · { $percent } %
suggestions-also = { " · " }وأيضًا { $labels }
source-gazetteer = قائمة أسماء
source-corpus = المدوّنة
source-model = النموذج
source-external = نموذج خارجي
source-merge = الدمج
source-starter = النموذج المبدئي

## Find bar
find-label = بحث
find-hint = الاسم
find-prev = السابق
find-prev-tip = النتيجة السابقة (⁦Shift+Enter⁩)
find-next = التالي
find-next-tip = النتيجة التالية (⁦Enter⁩)
find-whole-corpus = المدوّنة كاملةً
find-whole-corpus-tip = عرض كل المستندات التي فيها نتائج (⁦Ctrl+Shift+F⁩)
find-close-tip = إغلاق (⁦Esc⁩)
find-mode = الوضع
find-mode-normalised = تطبيع عربي
find-mode-exact = مطابقة تامة
find-mode-regex = تعبير نمطي
find-clitics = السوابق
find-clitics-tip = البحث أيضًا عن الاسم بعد و ف ب ك ل ال («إيران» في «وإيران») مع وسم الاسم وحده
find-fold-teh-marbuta = ة = ه
find-no-matches = لا نتائج
find-nth-of = { $i } من { $n }
find-matches = { $n ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجةً
   *[other] { $n } نتيجة
}
find-capped-tip = أول { $max } نتيجة مُبرزة ويمكن وسمها
find-normalised-tip = تطبيع عربي: تُوحَّد الحركات والتطويل وأشكال الألف وى/ي والأرقام
find-tag-all-as = وسم الكل بـ
find-tag-all-tip = وسم كل النتائج (خطوة تراجع واحدة)
find-tag-corpus-as = وسم الكل في المدوّنة بـ
find-tag-corpus-tip = وسم كل النتائج هنا (خطوة تراجع واحدة) وفي كل المستندات الأخرى (تُحفظ)
find-corpus-summary = { $n ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجةً
   *[other] { $n } نتيجة
} في { $docs ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $docs } مستندات
    [many] { $docs } مستندًا
   *[other] { $docs } مستند
}
find-corpus-searched = { " " }(بُحث في { $searched } / { $total })
find-open-document-tip = فتح هذا المستند

## Compare with…
compare-title = مقارنة مع { $name }
compare-close = إغلاق
compare-close-tip = إغلاق المقارنة
compare-their-spans = مقاطعهم: أقواس رفيعة تحت السطر
compare-figures = F1 التام { $exact } · F1 الجزئي { $partial } · κ { $kappa } · α { $alpha }
compare-this-document = هذا المستند
compare-corpus-running = الاتفاق على مستوى المدوّنة…
compare-corpus = المدوّنة ({ $n ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $n } مستندات
    [many] { $n } مستندًا
   *[other] { $n } مستند
})
compare-unmatched = { $n ->
    [zero] لا مستندات بلا نظير
    [one] مستند واحد بلا نظير
    [two] مستندان بلا نظير
    [few] { $n } مستندات بلا نظير
    [many] { $n } مستندًا بلا نظير
   *[other] { $n } مستند بلا نظير
}
compare-corpus-failed = المدوّنة: { $detail }
compare-differences = الاختلافات: { $n }
compare-differences-tip = ناقص: وسموه هم وحدهم؛ زائد: وسمته أنت وحدك؛ حدود: الوسم نفسه بحدود أخرى؛ وسم: وسم آخر. يعرض كل صف: نسختي | نسختهم.
compare-all-theirs = كلها نسختهم
compare-all-mine = كلها نسختي
compare-none = لا شيء — أنتما متفقان على كل مقطع في هذا المستند.
compare-label-theirs = { $label }: نسختهم
compare-label-mine = { $label }: نسختي
compare-accept-step-tip = قبول نسختهم (خطوة تراجع واحدة)
compare-keep-list-tip = إبقاء نسختي (يُرفع من القائمة)
compare-theirs = نسختهم
compare-mine = نسختي
compare-accept-tip = قبول نسختهم
compare-keep-tip = إبقاء نسختي
compare-show-tip = عرض في المقال
compare-detail-mine-nothing = نسختي: لا شيء
compare-detail-mine = نسختي: { $label } «{ $text }»
compare-detail-theirs-nothing = نسختهم: لا شيء
compare-detail-theirs = نسختهم: { $label } «{ $text }»
compare-confusion = التباس الوسوم
compare-heatmap-document = المستند
compare-heatmap-corpus = المدوّنة
compare-heatmap-axes = الصفوف: نسختي · الأعمدة: { $theirs } (نسختهم)
compare-heatmap-mine = نسختي
diff-missing = ناقص
diff-extra = زائد
diff-boundary = حدود
diff-label = وسم
compare-stopped = توقف الحساب
compare-no-copy = لا توجد في { $folder } نسخة موسومة من هذا المستند
compare-could-not-start = تعذّر البدء: { $detail }

## File dialogs
dialog-open-already = نافذة اختيار ملف مفتوحة بالفعل
dialog-could-not-open = تعذّر فتح نافذة اختيار الملف: { $detail }
dialog-using-builtin = { $reason }؛ يُستخدم منتقي الملفات المدمج في حاشية
dialog-env-builtin = HASHIYA_FILE_DIALOG=builtin
dialog-no-native = تحتاج نوافذ الملفات الأصلية إلى بوابة سطح المكتب xdg مع منتقي ملفات (مثل apt install xdg-desktop-portal-gtk) أو إلى zenity، ولم يُعثر على أيٍّ منهما
filter-articles = المقالات
filter-all = كل الملفات
filter-gazetteer = قائمة أسماء
filter-annotations = ملفات الوسوم
picker-open = فتح مقال
picker-open-folder = فتح مجلد كمدوّنة
picker-import = استيراد { $format }
picker-gazetteer = اقتراح من قائمة أسماء
picker-save-as = حفظ الوسوم باسم
picker-export = تصدير { $format }
picker-compare-file = مقارنة مع ملف وسوم
picker-compare-folder = مقارنة مع مجلد مدوّنة
picker-prior-folder = التعلّم من مجلد مدوّنة
picker-parent-tip = المجلد الأعلى
picker-home-tip = المجلد الرئيسي
picker-path = المسار
picker-file-name = اسم الملف
picker-folder = المجلد
picker-action-open = فتح
picker-action-save = حفظ
picker-action-replace = استبدال
picker-exists = الملف { $path } موجود. اختر «استبدال» للكتابة فوقه، أو اكتب اسمًا آخر.
picker-action-folder = اختيار المجلد
picker-cancel = إلغاء
picker-cannot-list = تعذّر عرض محتوى { $path }: { $detail }
picker-no-such-folder = لا يوجد مجلد بهذا المسار: { $path }
picker-not-a-folder = ليس مجلدًا: { $path }
picker-not-a-file = ليس ملفًا: { $path }
picker-needs-name = اكتب اسم الملف
picker-recent-folders = المجلدات الأخيرة

## Label editor
labels-title = الوسوم
labels-add = إضافة وسم
labels-name = الاسم
labels-colour = اللون
labels-key = المفتاح
labels-remove = إزالة
labels-in-use-tip = كيانات تستخدم هذا الوسم
labels-apply = تطبيق
labels-cancel = إلغاء
labels-error-one-word = يجب أن يكون اسم الوسم { $name } كلمة واحدة
labels-error-twice = { $name }: الاسم أو المفتاح مستخدم مرتين

## Label editor: how suggestions are made
suggestions-heading = الاقتراحات
suggestions-open-folder = افتح مجلد مدوّنة لضبط طريقة اقتراح الأسماء فيها.
suggestions-reading = تجري قراءة المستندات المنجزة…
suggestions-could-not-read = تعذّرت قراءة إعدادات الاقتراحات: { $detail }
suggestions-not-changed = لم تتغيّر إعدادات الاقتراحات: { $detail }
suggestions-saved-at-once = تُحفظ التغييرات في هذا القسم فورًا.
suggestions-starter = الاقتراح بالنموذج المبدئي (المدرَّب على NewsFANE)
suggestions-starter-tip = يقترح النموذج المدمج أسماءً قبل إنجاز أي مستند، ويُعين النموذجَ الذي يتعلّم من مستنداتك المنجزة
suggestions-type-tip = ما يسمّيه النموذج المبدئي { $kind } يُقترح بهذا الوسم
suggestions-not-suggested = لا يُقترح
suggestions-origin-rule = حسب الاسم
suggestions-origin-rule-tip = الاسم نفسه أو مرادف شائع له (PERS، PERSON، شخص…)؛ ويُضمّ GPE إلى LOC حين تخلو المدوّنة من GPE
suggestions-origin-documents = من المستندات المنجزة
suggestions-origin-documents-tip = ما اقترحه النموذج المبدئي ووسمتَه أنت في المستندات المعلَّمة منجزة
suggestions-origin-user = اختيارك
suggestions-origin-user-tip = اخترتَه أنت، ويبقى كما هو مهما أظهرت المستندات
suggestions-automatic = تلقائي
suggestions-automatic-tip = إلغاء اختيارك: تعود المستندات المنجزة أو الاسم إلى تحديد الوسم
suggestions-clitics = حرف و ف ب ك ل المتصل
suggestions-clitics-include = جزء من الاسم («وإيران»)
suggestions-clitics-exclude = خارج الاسم («إيران»)
suggestions-clitics-learned = كما تُظهر المستندات
suggestions-clitics-now = المعتمد: { $value }: { $origin }
suggestions-clitics-from-setting = محدَّد لهذه المدوّنة
suggestions-clitics-from-documents = كما تُظهر المستندات الموسومة
suggestions-clitics-from-default = الافتراضي، إذ لا يُظهر أي مستند موسوم خلافه
suggestions-priors = يتعلّم أيضًا من
suggestions-no-priors = لا مدوّنة أخرى
suggestions-prior-remove = إزالة
suggestions-prior-add = إضافة مجلد مدوّنة…
suggestions-prior-unreadable = تتعذّر قراءتها: { $detail }
suggestions-prior-entry = { $theirs } بوسم { $ours }
suggestions-prior-entry-never = { $theirs } لا يُقترح

## Unsaved changes
unsaved-title = وسوم غير محفوظة
unsaved-question = أتحفظ تغييراتك قبل المتابعة؟
unsaved-save = حفظ
unsaved-discard = تجاهل التغييرات
unsaved-cancel = إلغاء

## Notices of the window
notice-opened = فُتح { $path }
sample-could-not-write = تعذّرت كتابة المقال النموذجي: { $detail }
open-wait-corpus-job = يجري حفظ تغيير في المستندات الأخرى؛ افتحه بعد لحظة
export-failed = فشل التصدير: { $detail }
export-done = تم التصدير إلى { $path }: { $n ->
    [zero] لا كيانات
    [one] كيان واحد
    [two] كيانان
    [few] { $n } كيانات
    [many] { $n } كيانًا
   *[other] { $n } كيان
}
import-failed = فشل الاستيراد: { $detail }
import-done = تم الاستيراد: { $docs ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $docs } مستندات
    [many] { $docs } مستندًا
   *[other] { $docs } مستند
}، { $n ->
    [zero] لا كيانات
    [one] كيان واحد
    [two] كيانان
    [few] { $n } كيانات
    [many] { $n } كيانًا
   *[other] { $n } كيان
}
warnings-first = ؛ { $n ->
    [zero] لا تحذيرات
    [one] تحذير واحد
    [two] تحذيران
    [few] { $n } تحذيرات
    [many] { $n } تحذيرًا
   *[other] { $n } تحذير
}، أولها: { $first }
offer-tagged = وُسم «{ $surface }»
offer-more = { $n ->
    [zero] لا مواضع أخرى
    [one] موضع آخر
    [two] موضعان آخران
    [few] { $n } مواضع أخرى
    [many] { $n } موضعًا آخر
   *[other] { $n } موضع آخر
} لـ«{ $surface }» هنا — اضغط T لوسمها كلها بـ { $label }
offer-corpus = { $offer }؛ و{ $n } في { $docs ->
    [zero] لا مستندات أخرى
    [one] مستند آخر
    [two] مستندين آخرين
    [few] { $docs } مستندات أخرى
    [many] { $docs } مستندًا آخر
   *[other] { $docs } مستند آخر
} من المدوّنة (⁦Ctrl+Shift+F⁩)
compare-open-first = افتح مقالًا أولًا ثم قارنه
folder-could-not-open = تعذّر فتح المجلد: { $detail }
folder-no-articles = { $folder }: لم يُعثر على مقالات
folder-problems = { $docs ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $docs } مستندات
    [many] { $docs } مستندًا
   *[other] { $docs } مستند
}؛ { $problems ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $problems } مشكلات
    [many] { $problems } مشكلةً
   *[other] { $problems } مشكلة
} (انظر لوحة المستندات)
corpus-all-done = كل المستندات منجزة أو متجاوَزة
could-not-start = تعذّر البدء: { $detail }
corpus-job-busy = ما زال تغيير آخر في المدوّنة قيد الحفظ
corpus-job-stopped = توقف تغيير في المدوّنة على نحو غير متوقع؛ شغّل hashiya validate على المجلد
corpus-labels-not-saved = لم تُحفظ وسوم المدوّنة: { $detail }
corpus-order-not-saved = لم يُحفظ الترتيب في ملف المدوّنة: { $detail }
corpus-file-reloaded = غيّر برنامج آخر ملف المدوّنة: تتبع الاقتراحات إعداداته الجديدة
corpus-file-unreadable = تغيّر ملف المدوّنة على القرص وتتعذّر قراءته؛ أُبقيت الإعدادات المقروءة من قبل: { $detail }
corpus-carrying-labels = جارٍ نقل تغيير الوسوم إلى المستندات الأخرى…
corpus-tagging = جارٍ وسم المستندات الأخرى في المدوّنة…
corpus-tag-all-undo = { " " }(⁦Ctrl+Z في مستند يتراجع عنه هناك⁩)
suggest-reading-gazetteer = جارٍ قراءة قائمة الأسماء…
suggest-open-folder-first = افتح مجلدًا كمدوّنة أولًا (ملف > فتح مجلد…)
suggest-collecting = جارٍ جمع الأسماء الموسومة في المدوّنة…
suggest-stopped = توقف الوسم المسبق على نحو غير متوقع
suggest-other-document = فُتح مستند آخر في أثناء ذلك؛ اطلب الاقتراحات مجددًا
suggest-no-entities = لا كيانات في المدوّنة بعد: وسِّم بعض الأسماء أولًا
suggest-unknown-labels = وسوم ليست في هذا المستند: { $labels }
article-accessible-name = المقال

## أخطاء المحرر (يبقى التفصيل بعد الجملة كما كتبته الطبقة الأدنى)

error-open = تعذّر فتح { $detail }
error-store-broken = تعذّرت قراءة { $path }، فلن يُكتب فوقه: استخدم حفظ باسم…، أو ملف > الكتابة فوق ملف الوسوم على القرص
error-changed-on-disk = تغيّر { $path } على القرص بعد فتحه أو آخر حفظ له (برنامج آخر، أو نسخة أخرى من حاشية، أو git pull)، فلن يُكتب فوقه؛ عملك محفوظ في الذاكرة. استخدم ملف > مقارنة مع… لرؤية النسختين، أو حفظ باسم…، أو ملف > الكتابة فوق ملف الوسوم على القرص
error-not-saved = لم يُحفظ — عملك محفوظ في الذاكرة. { $detail }
error-not-saved-journaled = لم يُحفظ — عملك محفوظ في الذاكرة وفي سجل التحرير؛ وستُعاد المحاولة عند الحفظ التالي. { $detail }
error-edit-refused = رُفض التعديل: { $detail }
hint-select-first = حدّد نصًا أولًا، ثم اضغط مفتاح وسم
error-not-batchable = لا يمكن أن يكون { $what } جزءًا من دفعة تعديلات
error-not-open = لم يعد المقال مفتوحًا
error-read-only = { $path }: فُتح للقراءة فقط؛ لا يُكتب شيء
error-journal-not-folded = { $why }؛ لا يُكتب { $path } حتى لا تضيع

## مساعدة > عن حاشية

about-title = عن حاشية
about-tagline = قارئ للمقالات الإخبارية العربية ووسم الكيانات المسمّاة فيها
about-version = الإصدار
about-commit = الإيداع
about-app-id = معرّف التطبيق
about-copy-version = انسخ الإصدار
about-copy-version-tip = لإرفاقه ببلاغ عن خطأ
about-files = الملفات
about-place-settings = الإعدادات
about-place-sample = المقالة النموذجية
about-place-annotations = الوسوم
about-place-annotations-where = بجانب كل مقالة: ⁦ARTICLE.hashiya.ron⁩ (والحفظ السابق: ⁦.bak⁩)
about-place-journal = سجل التحرير
about-place-journal-where = بجانب كل مقالة بين عمليتَي حفظ: ⁦ARTICLE.hashiya.journal⁩
about-place-corpus = المدوّنة
about-place-corpus-where = في مجلدها: ⁦hashiya-corpus.ron⁩ و⁦hashiya-model.bin⁩
about-licences = التراخيص
about-code-licence = شيفرة حاشية: { $licence }
about-crates = مبنيّ بحزم Rust لكلٍّ منها ترخيصه المتساهل (MIT وApache-2.0 وBSD-2/3-Clause وISC وZlib وUnicode-3.0).
about-reading-fonts = خطوط القراءة
about-ui-fonts = خطوط الواجهة (egui)
about-data = البيانات والنموذج
about-clusters = عناقيد الكلمات (⁦data/clusters.tsv⁩)
about-clusters-notice = تعلّمتها حاشية من النصوص الإخبارية في { $newsfane }
about-model = نموذج الكيانات المبدئي (⁦data/starter/⁩)
about-model-notice = درّبه مدرِّب حاشية على مدوّنة ⁦NewsFANE Gold⁩: { $newsfane }
about-close = إغلاق
open-missing-article = مقالة { $annotations } مفقودة: { $article } غير موجود. يُفتح ملف الوسوم مع مقالته، ويجب أن تكون بجانبه بالاسم نفسه دون ⁦.hashiya.ron⁩.

## إشعارات المحرر (بمفاتيح يضعها المحرر، وتقولها النافذة بكلماتها)

notice-saved = حُفظ { $path }
notice-saved-note = حُفظ { $path }؛ { $note }
notice-decoded-as = { $path }: فُكّ ترميزه على أنه { $encoding }
notice-reloaded = تغيّر { $path } على القرص بعد فتحه أو آخر حفظ له: أُعيد تحميله
notice-accepted = { $n ->
    [zero] لم يُقبل أي اقتراح
    [one] قُبل اقتراح واحد
    [two] قُبل اقتراحان
    [few] قُبلت { $n } اقتراحات
    [many] قُبل { $n } اقتراحًا
   *[other] قُبل { $n } اقتراح
} ({ $label })
notice-rejected = { $n ->
    [zero] لم يُرفض أي اقتراح
    [one] رُفض اقتراح واحد
    [two] رُفض اقتراحان
    [few] رُفضت { $n } اقتراحات
    [many] رُفض { $n } اقتراحًا
   *[other] رُفض { $n } اقتراح
} ({ $label })
notice-restored = استُعيد { $n ->
    [zero] لا تعديلات
    [one] تعديل واحد
    [two] تعديلان
    [few] { $n } تعديلات
    [many] { $n } تعديلًا
   *[other] { $n } تعديل
} أُجري بعد آخر حفظ
notice-suggest-report = { $source ->
    [gazetteer] { source-gazetteer }
    [corpus] { source-corpus }
    [model] { source-model }
    [external] { source-external }
    [merge] { source-merge }
    [starter] { source-starter }
   *[other] { $source }
}: { $n ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $n } اقتراحات
    [many] { $n } اقتراحًا
   *[other] { $n } اقتراح
}{ $covered ->
    [0] {""}
   *[other] ، و{ $covered } منها كيانات بالفعل
}{ $rejected ->
    [0] {""}
   *[other] ، وتُرك { $rejected } سبق رفضها
}
notice-layer-report = الاقتراحات: { $n ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $n } اقتراحات
    [many] { $n } اقتراحًا
   *[other] { $n } اقتراح
}{ $covered ->
    [0] {""}
   *[other] ، و{ $covered } منها كيانات بالفعل
}{ $rejected ->
    [0] {""}
   *[other] ، وتُرك { $rejected } سبق رفضها
}
notice-tag-all = { $label }: { $tagged ->
    [0] لم يوسم شيء
   *[other] وُسم { $tagged }
}{ $already ->
    [0] {""}
   *[other] ، و{ $already } موسومة من قبل
}{ $overlapping ->
    [0] {""}
   *[other] ، وتُخطّي { $overlapping } لتداخلها مع كيانات أخرى
}
corpus-tag-all-report = { $tagged ->
    [0] لم يوسم شيء
   *[other] وُسم { $tagged }
}{ $already ->
    [0] {""}
   *[other] ، و{ $already } موسومة من قبل
}{ $overlapping ->
    [0] {""}
   *[other] ، وتُخطّي { $overlapping } لتداخلها مع كيانات أخرى
} في { $documents ->
    [zero] لا مستندات أخرى
    [one] مستند آخر واحد
    [two] مستندين آخرين
    [few] { $documents } مستندات أخرى
    [many] { $documents } مستندًا آخر
   *[other] { $documents } مستند آخر
}{ $failed ->
    [0] {""}
   *[other] ؛ تعذّر { $failed }، أولها: { $first }
}
notice-relabel-report = تغيّرت الوسوم في { $changed ->
    [zero] لا مستندات أخرى
    [one] مستند آخر واحد
    [two] مستندين آخرين
    [few] { $changed } مستندات أخرى
    [many] { $changed } مستندًا آخر
   *[other] { $changed } مستند آخر
} (دون تغيير: { $unchanged }{ $failed ->
    [0] {""}
   *[other] ؛ تعذّر { $failed }، أولها: { $first }
})
notice-reanchored = تغيّر المقال منذ حُفظت الوسوم: بقي { $kept } كيانًا في مكانه، وانتقل { $moved }{ $restored ->
    [0] {""}
   *[other] ، ووجد { $restored } من الكيانات اليتيمة مكانها من جديد
}{ $lost ->
    [0] {""}
   *[other] ؛ وتعذّر وضع { $lost } فحُفظت كيانات يتيمة: { $orphans }
}{ $tokens ->
    [0] {""}
   *[other] ؛ ولم تعد حدود الرموز المستوردة تناسب النص فحُذفت
}
notice-journal-not-written = { $why }. تعديلاتك محفوظة في الذاكرة؛ وتُعاد محاولة كتابة السجل بعد الحفظ التالي
notice-journal-in-use = { $path } قيد الاستخدام: نسخة أخرى من حاشية فتحت هذا المقال. لا تظهر هنا تعديلاتها غير المحفوظة، ولا تُسجَّل التعديلات التي تُجرى هنا؛ ويسألك الحفظ قبل الكتابة فوق ما حفظته
notice-journal-held = { $path }: لا تُطبَّق التعديلات التي أُجريت بعد آخر حفظ ما دام ملف الوسوم غير مقروء؛ والسجل محفوظ
notice-journal-damaged = { $path } تالف عند السجل { $record } ({ $why }): استُعيد ما قبله ({ $n ->
    [zero] لا تعديلات
    [one] تعديل واحد
    [two] تعديلان
    [few] { $n } تعديلات
    [many] { $n } تعديلًا
   *[other] { $n } تعديل
})؛ والسجل التالف محفوظ باسم { $detail }
notice-journal-damaged-kept = { $path } تالف عند السجل { $record } ({ $why }): استُعيد ما قبله ({ $n ->
    [zero] لا تعديلات
    [one] تعديل واحد
    [two] تعديلان
    [few] { $n } تعديلات
    [many] { $n } تعديلًا
   *[other] { $n } تعديل
})؛ وتعذّر نقله جانبًا ({ $detail })، فلا تُسجَّل التعديلات الجديدة
notice-journal-set-aside = لم يُطبَّق { $path }: { $why }. وهو محفوظ باسم { $to }
notice-journal-not-set-aside = لم يُطبَّق { $path }: { $why }؛ وتعذّر نقله جانبًا ({ $detail })، فلا تُسجَّل التعديلات الجديدة
