//! `govkg dict check` from the command line: each problem as
//! `FILE:LINE: reason` on stdout, exit 1 on errors, 0 when clean or with
//! warnings only (1 with `--strict`), and the bundled dictionaries are clean.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govkg"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("run govkg");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_clean_dictionary_passes() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.txt",
        "# mine\n宝龙美术馆\torg\n莘庄镇\tplace.town\tparent=上海市/闵行区;short=莘庄\n".as_bytes(),
    );
    let o = run(&["dict", "check", &good], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    assert!(String::from_utf8_lossy(&o.stderr).contains("0 errors, 0 warnings in 1 dictionary"));
}

#[test]
fn every_bad_line_is_reported_as_file_line_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.txt",
        b"ok\torg\nno tab here\nx\tcity\n\xff\xfe\torg\nok\torg\n",
    );
    let o = run(&["dict", "check", &bad], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(
        lines[0],
        format!("{bad}:2: expected `TEXT<TAB>KIND`, found no tab in `no tab here`")
    );
    assert!(lines[1].starts_with(&format!("{bad}:3: unknown kind `city`")));
    assert!(lines[2].starts_with(&format!("{bad}:4: not UTF-8")));
    assert_eq!(
        lines[3],
        format!("{bad}:5: warning: `ok` (org) is listed again; first at line 1")
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("3 errors, 1 warning"));
}

#[test]
fn warnings_alone_pass_unless_strict() {
    let dict = "区委\torg\n区委\ttitle.org\n".as_bytes();
    let o = run(&["dict", "check", "-"], Some(dict));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "<stdin>:2: warning: `区委` is title.org here but org at line 1\n"
    );
    let o = run(&["dict", "check", "--strict", "-q", "-"], Some(dict));
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty());
}

#[test]
fn every_file_is_checked_even_after_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", b"bad\n");
    let missing = dir.path().join("missing.txt");
    let o = run(&["dict", "check", missing.to_str().unwrap(), &bad], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!("{bad}:1: expected `TEXT<TAB>KIND`, found no tab in `bad`\n")
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(&format!("govkg: {}: ", missing.display())),
        "{err}"
    );
    assert!(err.contains("1 could not be read"), "{err}");
}

#[test]
fn no_file_is_a_usage_error() {
    assert_eq!(run(&["dict", "check"], None).status.code(), Some(2));
}

#[test]
fn the_bundled_dictionaries_have_no_errors() {
    let mut files: Vec<String> = std::fs::read_dir("dictionaries")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("LICENSE")
        })
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    files.sort();
    let mut args = vec!["dict", "check", "-q"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args, None);
    let errors: Vec<&str> = std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.contains(": warning: "))
        .collect();
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(5)]);
    assert_eq!(o.status.code(), Some(0));
}
