use std::process::Command;

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

#[test]
fn version_and_help() {
    let out = marsad().arg("--version").output().expect("run marsad");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("marsad "));
    let out = marsad().args(["extract", "--help"]).output().expect("run marsad");
    assert!(out.status.success());
}
