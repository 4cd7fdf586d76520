//! Prometheus text exposition (format 0.0.4), sans I/O: families of samples written with
//! their HELP and TYPE lines, label values and help escaped as the format asks.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::OnceLock;

/// A metric family's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gauge,
    Counter,
    Histogram,
}

/// A histogram's buckets (cumulative, as the format writes them), sum and count. Kept in
/// state files, so it carries its bounds: a file written with other bounds still reads.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    /// Upper bounds (seconds), ascending; `+Inf` is implied. Borrowed when they are
    /// constants: a checker keeps one histogram per real server.
    pub bounds: Cow<'static, [f64]>,
    /// Observations at or below each bound.
    pub counts: Vec<u64>,
    pub sum: f64,
    pub count: u64,
}

/// Bounds for check durations (seconds): from a LAN round trip to keepalived's longest
/// usual connect timeout.
pub const CHECK_BOUNDS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Bounds and sums are durations, never NaN: equality is total.
impl Eq for Histogram {}

/// [`CHECK_BOUNDS`] as serde_json writes them, made once: the bounds of every check's
/// histogram, which `lb run` writes for each real server (formatting thirteen floats per
/// server was a fifth of the cost of writing its state file).
fn check_bounds_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| serde_json::to_string(&CHECK_BOUNDS).unwrap_or_default())
}

impl Histogram {
    pub fn new(bounds: &'static [f64]) -> Histogram {
        Histogram {
            bounds: Cow::Borrowed(bounds),
            counts: vec![0; bounds.len()],
            sum: 0.0,
            count: 0,
        }
    }

    /// Write the histogram as serde_json writes it, by hand (see
    /// [`crate::lb::status::RealView::write_json`]).
    pub fn write_json<W: std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"{\"bounds\":")?;
        if *self.bounds == CHECK_BOUNDS {
            w.write_all(check_bounds_json().as_bytes())?;
        } else {
            serde_json::to_writer(&mut *w, &*self.bounds).map_err(std::io::Error::other)?;
        }
        let mut n = itoa::Buffer::new();
        w.write_all(b",\"counts\":[")?;
        for (i, c) in self.counts.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            w.write_all(n.format(*c).as_bytes())?;
        }
        w.write_all(b"],\"sum\":")?;
        serde_json::to_writer(&mut *w, &self.sum).map_err(std::io::Error::other)?;
        w.write_all(b",\"count\":")?;
        w.write_all(n.format(self.count).as_bytes())?;
        w.write_all(b"}")
    }

    /// Count one observation of `v` (seconds).
    pub fn observe(&mut self, v: f64) {
        for (b, c) in self.bounds.iter().zip(self.counts.iter_mut()) {
            if v <= *b {
                *c += 1;
            }
        }
        self.sum += v;
        self.count += 1;
    }
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram::new(&CHECK_BOUNDS)
    }
}

/// One family: its samples share a name, a help line and a type.
#[derive(Debug, Clone)]
pub struct Family {
    pub name: &'static str,
    pub kind: Kind,
    pub help: &'static str,
    pub samples: Vec<(Vec<(&'static str, String)>, f64)>,
    /// A histogram family's series.
    pub histograms: Vec<(Vec<(&'static str, String)>, Histogram)>,
}

impl Family {
    pub fn new(name: &'static str, kind: Kind, help: &'static str) -> Family {
        Family {
            name,
            kind,
            help,
            samples: Vec::new(),
            histograms: Vec::new(),
        }
    }

    pub fn add(&mut self, labels: &[(&'static str, &str)], value: f64) {
        let l = labels.iter().map(|(k, v)| (*k, v.to_string())).collect();
        self.samples.push((l, value));
    }

    pub fn add_histogram(&mut self, labels: &[(&'static str, &str)], h: &Histogram) {
        let l = labels.iter().map(|(k, v)| (*k, v.to_string())).collect();
        self.histograms.push((l, h.clone()));
    }
}

/// One sample line: `name{labels} value`, `extra` a last label (a bucket's `le`).
fn line(
    out: &mut String,
    name: &str,
    labels: &[(&'static str, String)],
    extra: Option<(&str, &str)>,
    v: f64,
) {
    out.push_str(name);
    let mut all: Vec<(&str, &str)> = labels.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend(extra);
    if !all.is_empty() {
        out.push('{');
        for (i, (k, lv)) in all.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{k}=\"{}\"", escape_label(lv));
        }
        out.push('}');
    }
    let _ = writeln!(out, " {}", value(v));
}

fn escape_label(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '\n' => s.push_str("\\n"),
            c => s.push(c),
        }
    }
    s
}

fn escape_help(v: &str) -> String {
    v.replace('\\', "\\\\").replace('\n', "\\n")
}

/// A sample's value as the format writes it: integers without a fraction, `+Inf`,
/// `-Inf`, `NaN`.
pub fn value(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The families as one exposition: each family's lines together, in the order given.
pub fn render(families: &[Family]) -> String {
    let mut out = String::new();
    for f in families {
        let kind = match f.kind {
            Kind::Gauge => "gauge",
            Kind::Counter => "counter",
            Kind::Histogram => "histogram",
        };
        let _ = writeln!(out, "# HELP {} {}", f.name, escape_help(f.help));
        let _ = writeln!(out, "# TYPE {} {kind}", f.name);
        for (labels, v) in &f.samples {
            line(&mut out, f.name, labels, None, *v);
        }
        for (labels, h) in &f.histograms {
            let bucket = format!("{}_bucket", f.name);
            for (b, c) in h.bounds.iter().zip(&h.counts) {
                line(
                    &mut out,
                    &bucket,
                    labels,
                    Some(("le", &value(*b))),
                    *c as f64,
                );
            }
            line(
                &mut out,
                &bucket,
                labels,
                Some(("le", "+Inf")),
                h.count as f64,
            );
            line(&mut out, &format!("{}_sum", f.name), labels, None, h.sum);
            line(
                &mut out,
                &format!("{}_count", f.name),
                labels,
                None,
                h.count as f64,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_render_with_help_type_and_escaped_labels() {
        let mut f = Family::new("x_total", Kind::Counter, "Things, with a \\ and\na newline");
        f.add(&[("name", "a \"quoted\" \\ name\n")], 3.0);
        f.add(&[], 0.5);
        let g = Family::new("y", Kind::Gauge, "Nothing yet");
        assert_eq!(
            render(&[f, g]),
            "# HELP x_total Things, with a \\\\ and\\na newline\n# TYPE x_total counter\n\
             x_total{name=\"a \\\"quoted\\\" \\\\ name\\n\"} 3\nx_total 0.5\n\
             # HELP y Nothing yet\n# TYPE y gauge\n"
        );
    }

    #[test]
    fn histograms_render_cumulative_buckets_sum_and_count() {
        let mut h = Histogram::new(&[0.01, 0.5, 1.0]);
        for v in [0.0078125, 0.25, 0.5, 3.0] {
            h.observe(v);
        }
        assert_eq!(h.counts, vec![1, 3, 3]);
        let mut f = Family::new("d_seconds", Kind::Histogram, "Durations");
        f.add_histogram(&[("rs", "a")], &h);
        assert_eq!(
            render(&[f]),
            "# HELP d_seconds Durations\n# TYPE d_seconds histogram\n\
             d_seconds_bucket{rs=\"a\",le=\"0.01\"} 1\n\
             d_seconds_bucket{rs=\"a\",le=\"0.5\"} 3\n\
             d_seconds_bucket{rs=\"a\",le=\"1\"} 3\n\
             d_seconds_bucket{rs=\"a\",le=\"+Inf\"} 4\n\
             d_seconds_sum{rs=\"a\"} 3.7578125\n\
             d_seconds_count{rs=\"a\"} 4\n"
        );
    }

    #[test]
    fn values_follow_the_format() {
        assert_eq!(value(2.0), "2");
        assert_eq!(value(-1.0), "-1");
        assert_eq!(value(0.25), "0.25");
        assert_eq!(value(f64::INFINITY), "+Inf");
        assert_eq!(value(f64::NEG_INFINITY), "-Inf");
        assert_eq!(value(f64::NAN), "NaN");
        assert_eq!(value(1.7e18), "1700000000000000000");
    }
}
