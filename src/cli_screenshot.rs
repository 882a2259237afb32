//! `goroscope screenshot FILE... [--session S] [--present] [--lang en|zh-CN] [--theme dark|light]
//! [--size WxH] --out PNG`: what the window would show, drawn offscreen into a PNG (the
//! contract is in DESIGN.md). Exit 0 with the PNG written; 2 with a message when there is no
//! renderer or the picture cannot be written, and also when a file could not be read (the PNG
//! is still written, showing the window's error, and the message names the file).

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
#[command(after_help = "Renders with wgpu, no display needed (Mesa's software Vulkan where no GPU is; \
                        WGPU_BACKEND picks the backend). Exit status: 0; 2 when nothing can render \
                        here, the PNG cannot be written, or a file cannot be read (the PNG then shows \
                        the error).")]
pub struct Args {
    /// Files to open, as on the window's command line (optional with --session).
    #[arg(value_name = "FILE", required_unless_present = "session")]
    files: Vec<PathBuf>,
    /// A session file: its view (window, filter, selection, bookmarks, presentation), on FILE...
    /// when given, else on its own files.
    #[arg(long, value_name = "S")]
    session: Option<PathBuf>,
    /// Presentation mode (larger type, colour-blind-safe palette).
    #[arg(long)]
    present: bool,
    /// The window's language (default: the system's).
    #[arg(long, value_name = "LANG", value_parser = ["en", "zh-CN"])]
    lang: Option<String>,
    /// The theme (default: dark).
    #[arg(long, value_name = "THEME", value_parser = ["dark", "light"])]
    theme: Option<String>,
    /// The picture's size in pixels.
    #[arg(long, value_name = "WxH", default_value = "1500x900", value_parser = parse_size)]
    size: [u32; 2],
    /// The PNG to write.
    #[arg(long, value_name = "PNG", required = true)]
    out: PathBuf,
}

/// `1600x1000` → `[1600, 1000]`.
fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let bad = || format!("{s:?} is not WIDTHxHEIGHT in pixels, e.g. 1600x1000");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h) = (w.trim().parse::<u32>().map_err(|_| bad())?, h.trim().parse::<u32>().map_err(|_| bad())?);
    if w == 0 || h == 0 || w > 16384 || h > 16384 {
        return Err(format!("{s:?}: width and height must be 1 to 16384 pixels"));
    }
    Ok([w, h])
}

#[cfg(feature = "gui")]
pub fn run(a: Args) -> ExitCode {
    let shot = goroscope::ui::Shot {
        files: a.files,
        session: a.session,
        present: a.present,
        language: a.lang,
        dark: a.theme.map(|t| t == "dark"),
        size: a.size,
    };
    let picture = match goroscope::ui::screenshot(&shot) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("goroscope: cannot render a screenshot: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = goroscope::ui::write_png(&a.out, &picture.image) {
        eprintln!("goroscope: cannot write {}: {e}", a.out.display());
        return ExitCode::from(2);
    }
    if let Some(n) = &picture.notice {
        eprintln!("goroscope: {n}");
    }
    if !picture.failed.is_empty() {
        for f in &picture.failed {
            eprintln!("goroscope: {f}");
        }
        eprintln!("goroscope: wrote {} showing the error", a.out.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

#[cfg(not(feature = "gui"))]
pub fn run(_a: Args) -> ExitCode {
    eprintln!("goroscope: cannot render a screenshot: built without the window (feature \"gui\")");
    ExitCode::from(2)
}
