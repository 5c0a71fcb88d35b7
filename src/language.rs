//! Language detection per section, so non-Swedish text can be told apart.
//!
//! whatlang is unreliable on short strings, so Swedish is the answer for short
//! or uncertain text: the corpus is Swedish unless clearly shown otherwise.

use whatlang::{Detector, Lang};

/// Below this many characters a text is too short to judge.
const MIN_CHARS: usize = 200;
/// Below this confidence whatlang's answer is not trusted.
const MIN_CONFIDENCE: f64 = 0.3;
/// Only this many bytes of a text are read: a few paragraphs tell its
/// language as well as a whole chapter does, at a fraction of the cost.
const SAMPLE_BYTES: usize = 600;

/// ISO 639-1 code of the language of `text`: "sv", "en", "nb", "da", "fi" or "de".
pub fn detect(text: &str) -> &'static str {
    if text.chars().count() < MIN_CHARS {
        return "sv";
    }
    let detector = Detector::with_allowlist(vec![
        Lang::Swe,
        Lang::Eng,
        Lang::Nob,
        Lang::Dan,
        Lang::Fin,
        Lang::Deu,
    ]);
    match detector.detect(sample(text)) {
        Some(info) if info.confidence() >= MIN_CONFIDENCE => code(info.lang()),
        _ => "sv",
    }
}

/// The first [`SAMPLE_BYTES`] of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    &text[..crate::char_boundary::floor(text, SAMPLE_BYTES)]
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Fin => "fi",
        Lang::Deu => "de",
        _ => "sv",
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn swedish_paragraph_is_swedish() {
        let text = "Syftet med insatsen är att personer som står långt från arbetsmarknaden ska få \
                    samordnat stöd från Försäkringskassan, Arbetsförmedlingen, regionen och kommunen \
                    så att de kan närma sig arbete eller studier och få en hållbar försörjning.";
        assert_eq!(detect(text), "sv");
    }

    #[test]
    fn english_paragraph_is_english() {
        let text = "The purpose of the project is to give people who are far from the labour market \
                    coordinated support from the social insurance agency, the public employment \
                    service, the region and the municipality, so that they can move towards work.";
        assert_eq!(detect(text), "en");
    }

    #[test]
    fn a_long_text_is_judged_by_its_opening() {
        let swedish = "Deltagarna fick stöd av en coach och kunde börja arbeta eller studera. ";
        let english = "The participants were supported by a coach and started to work or study. ";
        let text = swedish.repeat(20) + &english.repeat(200);
        assert_eq!(detect(&text), "sv");
        assert_eq!(detect(&english.repeat(200)), "en");
    }

    #[test]
    fn short_text_defaults_to_swedish() {
        assert_eq!(detect("The results"), "sv");
    }
}
