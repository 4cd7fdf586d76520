//! Prometheus text exposition (format 0.0.4), sans I/O: families of samples written with
//! their HELP and TYPE lines, label values and help escaped as the format asks.

use std::fmt::Write;

/// A metric family's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gauge,
    Counter,
}

/// One family: its samples share a name, a help line and a type.
#[derive(Debug, Clone)]
pub struct Family {
    pub name: &'static str,
    pub kind: Kind,
    pub help: &'static str,
    pub samples: Vec<(Vec<(&'static str, String)>, f64)>,
}

impl Family {
    pub fn new(name: &'static str, kind: Kind, help: &'static str) -> Family {
        Family {
            name,
            kind,
            help,
            samples: Vec::new(),
        }
    }

    pub fn add(&mut self, labels: &[(&'static str, &str)], value: f64) {
        let l = labels.iter().map(|(k, v)| (*k, v.to_string())).collect();
        self.samples.push((l, value));
    }
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
        };
        let _ = writeln!(out, "# HELP {} {}", f.name, escape_help(f.help));
        let _ = writeln!(out, "# TYPE {} {kind}", f.name);
        for (labels, v) in &f.samples {
            out.push_str(f.name);
            if !labels.is_empty() {
                out.push('{');
                for (i, (k, lv)) in labels.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let _ = write!(out, "{k}=\"{}\"", escape_label(lv));
                }
                out.push('}');
            }
            let _ = writeln!(out, " {}", value(*v));
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
