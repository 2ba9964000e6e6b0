//! The browser side's layers (ARCHITECTURE.md, "Layers of the browser
//! side"): every module of `src/web` imports only from its own layer or
//! the layers below, and the imports have no cycle. The layers are read
//! from ARCHITECTURE.md itself, so the map and the code cannot drift apart.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

/// The layers in order, lowest first: (layer name, its modules).
type Layers = Vec<(String, Vec<String>)>;

/// The numbered list between `<!-- layers -->` and `<!-- /layers -->`:
/// `1. infrastructure: dom, schedule, …`.
fn parse_layers(doc: &str) -> Result<Layers, String> {
    let start = doc
        .find("<!-- layers -->")
        .ok_or("ARCHITECTURE.md has no `<!-- layers -->` block")?;
    let end = doc[start..]
        .find("<!-- /layers -->")
        .ok_or("the layers block of ARCHITECTURE.md is not closed with `<!-- /layers -->`")?;
    let mut layers = Vec::new();
    for line in doc[start..start + end].lines().skip(1) {
        let line = line.trim();
        let Some((number, rest)) = line.split_once(". ") else {
            continue;
        };
        if number.parse::<u32>().is_err() {
            continue;
        }
        let (name, modules) = rest
            .split_once(':')
            .ok_or(format!("layer line without `:`: {line}"))?;
        let modules = modules
            .split(',')
            .map(|m| m.trim().trim_matches('`').to_string())
            .filter(|m| !m.is_empty())
            .collect();
        layers.push((name.trim().to_string(), modules));
    }
    if layers.is_empty() {
        return Err("the layers block of ARCHITECTURE.md lists no layer".to_string());
    }
    Ok(layers)
}

/// Source without comments (line, doc and block comments) and without the
/// contents of string literals, so that neither can fake or hide an import.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'"' {
            out.push('"');
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            out.push('"');
            i += 1;
        } else {
            let c = source[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The sibling modules a file of `src/web` uses: `super::x`, `super::{x,
/// y::z}` and `crate::web::x`, in `use` lines and in paths alike.
fn imports(source: &str) -> Vec<String> {
    let code = code_only(source);
    let mut found = Vec::new();
    for prefix in ["super::", "crate::web::"] {
        for (at, _) in code.match_indices(prefix) {
            let rest = code[at + prefix.len()..].trim_start();
            if let Some(group) = rest.strip_prefix('{') {
                // Top-level items of the group: `a, b::{c, d}, e`.
                let mut depth = 0;
                let mut item_start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        c if item_start && !c.is_whitespace() => {
                            found.push(ident(&group[i..]).to_string());
                            item_start = false;
                        }
                        _ => {}
                    }
                }
            } else {
                found.push(ident(rest).to_string());
            }
        }
    }
    found.retain(|m| !m.is_empty() && m != "self" && m != "super");
    found.sort();
    found.dedup();
    found
}

/// Every upward import and every cycle, as messages naming the file, the
/// import and the layers.
fn check(layers: &Layers, files: &BTreeMap<String, String>) -> Vec<String> {
    let layer_of = |module: &str| layers.iter().position(|(_, ms)| ms.iter().any(|m| m == module));
    let mut problems = Vec::new();
    let mut graph: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (module, source) in files {
        let Some(own) = layer_of(module) else {
            problems.push(format!(
                "src/web/{module}.rs is in no layer: add it to the layers block of ARCHITECTURE.md"
            ));
            continue;
        };
        for used in imports(source) {
            if !files.contains_key(&used) {
                continue; // not a module of src/web (an item of mod.rs would be)
            }
            match layer_of(&used) {
                Some(l) if l > own => problems.push(format!(
                    "src/web/{module}.rs imports `{used}`, which is in layer {} ({}), from layer {} ({}): \
                     a module may use only its own layer and the layers below",
                    l + 1,
                    layers[l].0,
                    own + 1,
                    layers[own].0
                )),
                _ => {}
            }
            graph.entry(module).or_default().push(used);
        }
    }
    // Cycles: a depth-first search that reports the path back to a module
    // still on the stack.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<&str, Vec<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
        problems: &mut Vec<String>,
    ) {
        if done.contains(&m) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| *s == m) {
            let mut cycle: Vec<&str> = stack[at..].to_vec();
            cycle.push(m);
            problems.push(format!("imports run in a circle: {}", cycle.join(" → ")));
            return;
        }
        stack.push(m);
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, stack, done, problems);
        }
        stack.pop();
        done.push(m);
    }
    let mut done = Vec::new();
    for m in files.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut problems);
    }
    problems
}

#[test]
fn the_browser_side_imports_downward_only_and_without_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let layers = parse_layers(&doc).unwrap_or_else(|e| panic!("{e}"));
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(root.join("src/web")).expect("src/web") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        // mod.rs declares the modules and starts the entry points: the root.
        if path.extension().is_some_and(|e| e == "rs") && name != "mod" {
            files.insert(name, std::fs::read_to_string(&path).expect("source"));
        }
    }
    assert!(files.len() >= 10, "src/web has only {} modules", files.len());
    for (_, modules) in &layers {
        for m in modules {
            assert!(
                files.contains_key(m),
                "ARCHITECTURE.md names `{m}`, which is not a module of src/web"
            );
        }
    }
    let problems = check(&layers, &files);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

fn sample_layers() -> Layers {
    parse_layers("<!-- layers -->\n1. low: a, b\n2. mid: c\n3. top: d\n<!-- /layers -->").unwrap()
}

fn sources(list: &[(&str, &str)]) -> BTreeMap<String, String> {
    list.iter().map(|(m, s)| (m.to_string(), s.to_string())).collect()
}

#[test]
fn an_upward_import_is_named_with_its_file_and_layers() {
    let files = sources(&[
        ("a", "use super::b::x;\nfn f() { super::c::go(); }"),
        ("b", ""),
        ("c", "use super::{a, b::{y, z}};"),
        ("d", "use super::c;"),
    ]);
    assert_eq!(
        check(&sample_layers(), &files),
        vec![
            "src/web/a.rs imports `c`, which is in layer 2 (mid), from layer 1 (low): \
             a module may use only its own layer and the layers below"
                .to_string(),
            "imports run in a circle: a → c → a".to_string(),
        ]
    );
}

#[test]
fn comments_and_strings_are_not_imports_and_groups_are_read() {
    let src = "// use super::d;\n/* super::d */ /// super::d\nlet s = \"super::d\";\nuse super::{\n  a,\n  b::{c, d},\n};\nuse crate::web::c::Thing;";
    assert_eq!(imports(src), vec!["a", "b", "c"]);
}

#[test]
fn a_module_outside_every_layer_and_a_same_layer_cycle_are_reported() {
    let files = sources(&[("a", "use super::b;"), ("b", "use super::a;"), ("e", "")]);
    let problems = check(&sample_layers(), &files);
    assert!(
        problems.iter().any(|p| p.contains("src/web/e.rs is in no layer")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p == "imports run in a circle: a → b → a"),
        "{problems:?}"
    );
}
