//! Build orchestration for PDE. Run `cargo xtask help`.

mod api_types;
mod args;
mod bench;
mod bench_load;
mod fuzz;
mod garage;
mod parse;
mod plan;
mod postgres;
mod prereq;
mod run;
mod sh;
mod test;
mod wasm;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match args::parse(&argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match cmd {
        args::Command::Help => {
            print!("{}", args::USAGE);
            Ok(true)
        }
        args::Command::Run(opts) => run::main(&opts),
        args::Command::Test(sel) => test::main(&sel),
        args::Command::Bench(sel) => bench::main(&sel),
        args::Command::Fuzz(opts) => fuzz::main(&opts),
        args::Command::Postgres(command) => postgres::main(&command),
        args::Command::GenApi => api_types::regenerate(),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}
