//! What a notice says about opt-out preference signals (Global Privacy
//! Control): the `opt_out_signals` statement of a rights block, read once
//! for the rules that ask for it (`STATE::opt-out-signals`,
//! `structure::gpc-signals`) and for `gpc.json`, so that the file a browser
//! reads says what the notice says.

/// What a statement about opt-out preference signals says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalStatement {
    /// It says the signal is not honoured.
    Refused,
    /// It names the signal, what it does (opts out, is treated as a
    /// request) and what it applies to (the browser, the device, a profile
    /// or the account).
    Described,
    /// It mentions signals without saying how they are applied.
    Vague,
}

/// Reads a statement about opt-out preference signals.
#[must_use]
pub fn read(statement: &str) -> SignalStatement {
    let t: String = statement
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if any(&[
        "do not honor",
        "do not honour",
        "does not honor",
        "does not honour",
        "don't honor",
        "don't honour",
        "do not respond",
        "does not respond",
        "don't respond",
        "do not recognize",
        "do not recognise",
        "does not recognize",
        "does not recognise",
        "not able to honor",
        "not able to honour",
        "cannot honor",
        "cannot honour",
        "ignore",
    ]) {
        return SignalStatement::Refused;
    }
    let signal = any(&["signal", "global privacy control", "gpc"]);
    let effect = any(&[
        "opt out",
        "opt-out",
        "opts you out",
        "request to opt",
        "treat",
        "honor",
        "honour",
    ]);
    let scope = any(&["browser", "device", "profile", "account"]);
    if signal && effect && scope {
        SignalStatement::Described
    } else {
        SignalStatement::Vague
    }
}

#[cfg(test)]
mod tests {
    use super::{SignalStatement, read};

    #[test]
    fn statements_read_as_refused_described_or_vague() {
        assert_eq!(
            read("Our website does not respond to Global Privacy Control signals."),
            SignalStatement::Refused
        );
        assert_eq!(
            read(
                "We treat a Global Privacy Control signal as a request to opt out for that browser."
            ),
            SignalStatement::Described
        );
        assert_eq!(read("We honour privacy signals."), SignalStatement::Vague);
    }
}
