//! Rewriting the `'` and `"` text operators, which pdf-extract 0.12 skips.
//!
//! `'` moves to the next line and shows a string; `"` also sets word and
//! character spacing first. pdf-extract ignores both, which loses the
//! string and, worse, the line move, so every later line on the page lands
//! at the wrong height and columns interleave. Ghostscript writes `'` for
//! headings, so these pages are common. Rewriting them into the equivalent
//! `Tw`, `Tc`, `T*` and `Tj` in the page's decoded operations, before
//! pdf-extract lays them out, fixes both problems.

use pdf_extract::Object;
use pdf_extract::content::Operation;

/// Replaces `'` and `"` in a page's own decoded content stream.
pub(crate) fn rewrite_quote_operators(operations: Vec<Operation>) -> Vec<Operation> {
    operations.into_iter().flat_map(expand).collect()
}

/// The plain operators equivalent to one operation.
fn expand(op: Operation) -> Vec<Operation> {
    let mut operands = op.operands;
    match (op.operator.as_str(), operands.len()) {
        ("'", 1) => vec![Operation::new("T*", vec![]), Operation::new("Tj", operands)],
        ("\"", 3) => {
            let string = operands.pop().unwrap_or(Object::Null);
            let char_spacing = operands.pop().unwrap_or(Object::Null);
            let word_spacing = operands.pop().unwrap_or(Object::Null);
            vec![
                Operation::new("Tw", vec![word_spacing]),
                Operation::new("Tc", vec![char_spacing]),
                Operation::new("T*", vec![]),
                Operation::new("Tj", vec![string]),
            ]
        }
        _ => vec![Operation {
            operator: op.operator,
            operands,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operators(ops: &[Operation]) -> Vec<&str> {
        ops.iter().map(|o| o.operator.as_str()).collect()
    }

    #[test]
    fn apostrophe_becomes_next_line_and_show() {
        let ops = expand(Operation::new(
            "'",
            vec![Object::string_literal("Bakgrund")],
        ));
        assert_eq!(operators(&ops), ["T*", "Tj"]);
        assert_eq!(ops[1].operands, [Object::string_literal("Bakgrund")]);
    }

    #[test]
    fn quote_sets_spacing_first() {
        let operands = vec![
            Object::Real(1.5),
            Object::Integer(0),
            Object::string_literal("Syfte"),
        ];
        let ops = expand(Operation::new("\"", operands));
        assert_eq!(operators(&ops), ["Tw", "Tc", "T*", "Tj"]);
        assert_eq!(ops[0].operands, [Object::Real(1.5)]);
    }

    #[test]
    fn other_operators_pass_unchanged() {
        let ops = expand(Operation::new("Tj", vec![Object::string_literal("text")]));
        assert_eq!(operators(&ops), ["Tj"]);
    }
}
