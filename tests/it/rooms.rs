//! The window's code (`src/app/`) has rooms and no import circle: a file never reaches itself
//! through the `super::…` / `crate::app::…` paths of the files it uses. Read from the sources,
//! so a new circle fails here rather than in review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::fixtures::repo;

/// Module path (below `app`) → file, for every file of `src/app/`.
fn modules(root: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/app is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("inside src/app");
            let mut parts: Vec<String> =
                rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            out.insert(parts, path);
        }
    }
    out
}

/// The module a file is: `x/mod.rs` and `x.rs` are `x`.
fn module_of(file: &Path, root: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).expect("inside src/app");
    let mut parts: Vec<String> =
        rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its test module (whose `super` is the
/// file itself).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    let text = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The files of `src/app/` each file uses.
fn uses(root: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mods = modules(root);
    let path_re = regex::Regex::new(
        r"\b(crate::app::|(?:super::)+|self::|[a-z_][a-z0-9_]*::)((?:[A-Za-z_][A-Za-z0-9_]*::)*)(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)",
    )
    .expect("valid regex");
    let mut graph = BTreeMap::new();
    for (module, file) in &mods {
        let mut edges = BTreeSet::new();
        for cap in path_re.captures_iter(&code(file)) {
            let head = &cap[1];
            let mut base: Vec<String> = if head == "crate::app::" {
                Vec::new()
            } else if head.starts_with("super::") {
                let ups = head.matches("super::").count();
                // `x/mod.rs` is module x: its super is x's parent, like `x.rs`'s.
                module.iter().take(module.len().saturating_sub(ups)).cloned().collect()
            } else if head == "self::" {
                module.clone()
            } else {
                // A path starting at a child module (`use gestures::…` in view/mod.rs).
                let mut child = module.clone();
                child.push(head.trim_end_matches("::").to_string());
                if !mods.contains_key(&child) {
                    continue;
                }
                child
            };
            let middle: Vec<String> =
                cap[2].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
            let lasts: Vec<String> = cap[3]
                .trim_matches(|c| c == '{' || c == '}')
                .split(',')
                .map(|s| s.trim().split("::").next().unwrap_or("").to_string())
                .filter(|s| !s.is_empty() && s != "self")
                .collect();
            for seg in &middle {
                let mut next = base.clone();
                next.push(seg.clone());
                if !mods.contains_key(&next) {
                    break;
                }
                base = next;
            }
            let targets: Vec<Vec<String>> = if lasts.is_empty() {
                vec![base.clone()]
            } else {
                lasts
                    .iter()
                    .map(|l| {
                        let mut m = base.clone();
                        m.push(l.clone());
                        if mods.contains_key(&m) { m } else { base.clone() }
                    })
                    .collect()
            };
            for t in targets {
                if let Some(target) = mods.get(&t).filter(|t| *t != file) {
                    edges.insert(target.clone());
                }
            }
        }
        graph.insert(file.clone(), edges);
    }
    graph
}

/// A circle in the graph, as the files along it.
fn find_cycle(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<Vec<PathBuf>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &PathBuf,
        graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        marks: &mut BTreeMap<PathBuf, Mark>,
        stack: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.clone());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph.keys().find_map(|n| visit(n, graph, &mut marks, &mut Vec::new()))
}

#[test]
fn app_modules_have_no_import_circle() {
    let root = repo("src/app");
    let graph = uses(&root);
    // The reader must see real edges, or the test could not fail.
    let window = root.join("window.rs");
    assert!(
        graph[&window].contains(&root.join("view/mod.rs")),
        "window.rs uses the view: {:?}",
        graph[&window]
    );
    assert!(graph[&root.join("view/overlays.rs")].contains(&root.join("view/highlight.rs")));
    let cycle = find_cycle(&graph)
        .map(|c| c.iter().map(|p| module_of(p, &root).join("::")).collect::<Vec<_>>().join(" → "));
    assert_eq!(cycle, None, "an import circle in src/app");
}

#[test]
fn the_circle_finder_finds_circles() {
    let (a, b, c) = (PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("c"));
    let mut graph = BTreeMap::new();
    graph.insert(a.clone(), BTreeSet::from([b.clone()]));
    graph.insert(b.clone(), BTreeSet::from([c.clone()]));
    graph.insert(c.clone(), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    graph.insert(c.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(find_cycle(&graph), Some(vec![a.clone(), b, c, a]));
}

#[test]
fn rooms_never_name_the_app_state() {
    // Only the root files (the application state and what changes it) know `HashiyaApp`.
    let root = repo("src/app");
    let rooms: Vec<PathBuf> = modules(&root)
        .into_values()
        .filter(|f| f.strip_prefix(&root).is_ok_and(|r| r.components().count() > 1))
        .collect();
    assert!(rooms.len() > 10, "rooms found: {rooms:?}");
    for file in rooms {
        assert!(!code(&file).contains("HashiyaApp"), "{} names HashiyaApp", file.display());
    }
}
