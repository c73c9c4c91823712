//! The words the Rust side prints, per language: the labels of the lawful
//! bases and of the kinds of special and sensitive data (issue 22).
//!
//! Each is a `match` on the value and the [`Locale`], so that a value or a
//! language without its word is a compile error rather than a raw key on a
//! page. English is the source and prints exactly what it printed before
//! languages existed ([`super::text::basis_label`], the data kind's word).
//!
//! The GDPR's terms are those of the regulation's official language
//! versions (Regulation (EU) 2016/679, Art. 6(1) and Art. 9(1)), shortened
//! to the noun phrase a table cell holds; each language's Art. 6(1) and
//! 9(1) were read against reproductions of the Official Journal's text
//! (docs/languages.md, "The law's own words"). The UK's recognised legitimate
//! interest and the US states' kinds of sensitive data exist only in
//! English law: their words here are descriptive translations, which a
//! lawyer of each language should confirm (README, "Languages").

use crate::locale::Locale;
use crate::model::words::{LawfulBasis, SensitiveKind, SpecialCategory, Word};

/// The label of a lawful basis, printed when a basis has no sentence of
/// its own.
#[must_use]
pub fn basis(locale: Locale, basis: LawfulBasis) -> &'static str {
    use LawfulBasis as B;
    use Locale as L;
    match (locale, basis) {
        (L::En, b) => super::text::basis_label(b),
        // Art. 6(1), "Einwilligung" ... "Wahrung der berechtigten Interessen".
        (L::De, B::Consent) => "Einwilligung",
        (L::De, B::Contract) => "Erfüllung eines Vertrags",
        (L::De, B::LegalObligation) => "Erfüllung einer rechtlichen Verpflichtung",
        (L::De, B::VitalInterests) => "Schutz lebenswichtiger Interessen",
        (L::De, B::PublicTask) => "Wahrnehmung einer Aufgabe im öffentlichen Interesse",
        (L::De, B::LegitimateInterest) => "Berechtigtes Interesse",
        (L::De, B::RecognisedLegitimateInterest) => "Anerkanntes berechtigtes Interesse",
        (L::Fr, B::Consent) => "Consentement",
        (L::Fr, B::Contract) => "Exécution d’un contrat",
        (L::Fr, B::LegalObligation) => "Respect d’une obligation légale",
        (L::Fr, B::VitalInterests) => "Sauvegarde des intérêts vitaux",
        (L::Fr, B::PublicTask) => "Exécution d’une mission d’intérêt public",
        (L::Fr, B::LegitimateInterest) => "Intérêt légitime",
        (L::Fr, B::RecognisedLegitimateInterest) => "Intérêt légitime reconnu",
        (L::Es, B::Consent) => "Consentimiento",
        (L::Es, B::Contract) => "Ejecución de un contrato",
        (L::Es, B::LegalObligation) => "Cumplimiento de una obligación legal",
        (L::Es, B::VitalInterests) => "Protección de intereses vitales",
        (L::Es, B::PublicTask) => "Cumplimiento de una misión realizada en interés público",
        (L::Es, B::LegitimateInterest) => "Interés legítimo",
        (L::Es, B::RecognisedLegitimateInterest) => "Interés legítimo reconocido",
        (L::It, B::Consent) => "Consenso",
        (L::It, B::Contract) => "Esecuzione di un contratto",
        (L::It, B::LegalObligation) => "Adempimento di un obbligo legale",
        (L::It, B::VitalInterests) => "Salvaguardia degli interessi vitali",
        (L::It, B::PublicTask) => "Esecuzione di un compito di interesse pubblico",
        (L::It, B::LegitimateInterest) => "Legittimo interesse",
        (L::It, B::RecognisedLegitimateInterest) => "Legittimo interesse riconosciuto",
        (L::Nl, B::Consent) => "Toestemming",
        (L::Nl, B::Contract) => "Uitvoering van een overeenkomst",
        (L::Nl, B::LegalObligation) => "Voldoen aan een wettelijke verplichting",
        (L::Nl, B::VitalInterests) => "Bescherming van vitale belangen",
        (L::Nl, B::PublicTask) => "Vervulling van een taak van algemeen belang",
        (L::Nl, B::LegitimateInterest) => "Gerechtvaardigd belang",
        (L::Nl, B::RecognisedLegitimateInterest) => "Erkend gerechtvaardigd belang",
        (L::Pt, B::Consent) => "Consentimento",
        (L::Pt, B::Contract) => "Execução de um contrato",
        (L::Pt, B::LegalObligation) => "Cumprimento de uma obrigação jurídica",
        (L::Pt, B::VitalInterests) => "Defesa de interesses vitais",
        (L::Pt, B::PublicTask) => "Exercício de funções de interesse público",
        (L::Pt, B::LegitimateInterest) => "Interesses legítimos",
        (L::Pt, B::RecognisedLegitimateInterest) => "Interesse legítimo reconhecido",
    }
}

/// The words for a special category of data (GDPR Art. 9(1)), in brackets
/// after an item's name.
#[must_use]
pub fn special(locale: Locale, category: SpecialCategory) -> String {
    use Locale as L;
    use SpecialCategory as S;
    let word = match (locale, category) {
        (L::En, c) => return c.word().replace('_', " "),
        (L::De, S::RacialOrEthnicOrigin) => "rassische oder ethnische Herkunft",
        (L::De, S::PoliticalOpinions) => "politische Meinungen",
        (L::De, S::ReligiousOrPhilosophicalBeliefs) => {
            "religiöse oder weltanschauliche Überzeugungen"
        }
        (L::De, S::TradeUnionMembership) => "Gewerkschaftszugehörigkeit",
        (L::De, S::Genetic) => "genetische Daten",
        (L::De, S::Biometric) => "biometrische Daten",
        (L::De, S::Health) => "Gesundheitsdaten",
        (L::De, S::SexLifeOrSexualOrientation) => "Sexualleben oder sexuelle Orientierung",
        (L::Fr, S::RacialOrEthnicOrigin) => "origine raciale ou ethnique",
        (L::Fr, S::PoliticalOpinions) => "opinions politiques",
        (L::Fr, S::ReligiousOrPhilosophicalBeliefs) => "convictions religieuses ou philosophiques",
        (L::Fr, S::TradeUnionMembership) => "appartenance syndicale",
        (L::Fr, S::Genetic) => "données génétiques",
        (L::Fr, S::Biometric) => "données biométriques",
        (L::Fr, S::Health) => "données concernant la santé",
        (L::Fr, S::SexLifeOrSexualOrientation) => "vie sexuelle ou orientation sexuelle",
        (L::Es, S::RacialOrEthnicOrigin) => "origen étnico o racial",
        (L::Es, S::PoliticalOpinions) => "opiniones políticas",
        (L::Es, S::ReligiousOrPhilosophicalBeliefs) => "convicciones religiosas o filosóficas",
        (L::Es, S::TradeUnionMembership) => "afiliación sindical",
        (L::Es, S::Genetic) => "datos genéticos",
        (L::Es, S::Biometric) => "datos biométricos",
        (L::Es, S::Health) => "datos relativos a la salud",
        (L::Es, S::SexLifeOrSexualOrientation) => "vida sexual u orientaciones sexuales",
        (L::It, S::RacialOrEthnicOrigin) => "origine razziale o etnica",
        (L::It, S::PoliticalOpinions) => "opinioni politiche",
        (L::It, S::ReligiousOrPhilosophicalBeliefs) => "convinzioni religiose o filosofiche",
        (L::It, S::TradeUnionMembership) => "appartenenza sindacale",
        (L::It, S::Genetic) => "dati genetici",
        (L::It, S::Biometric) => "dati biometrici",
        (L::It, S::Health) => "dati relativi alla salute",
        (L::It, S::SexLifeOrSexualOrientation) => "vita sessuale o orientamento sessuale",
        (L::Nl, S::RacialOrEthnicOrigin) => "ras of etnische afkomst",
        (L::Nl, S::PoliticalOpinions) => "politieke opvattingen",
        (L::Nl, S::ReligiousOrPhilosophicalBeliefs) => {
            "religieuze of levensbeschouwelijke overtuigingen"
        }
        (L::Nl, S::TradeUnionMembership) => "lidmaatschap van een vakbond",
        (L::Nl, S::Genetic) => "genetische gegevens",
        (L::Nl, S::Biometric) => "biometrische gegevens",
        (L::Nl, S::Health) => "gegevens over gezondheid",
        (L::Nl, S::SexLifeOrSexualOrientation) => "seksueel gedrag of seksuele gerichtheid",
        (L::Pt, S::RacialOrEthnicOrigin) => "origem racial ou étnica",
        (L::Pt, S::PoliticalOpinions) => "opiniões políticas",
        (L::Pt, S::ReligiousOrPhilosophicalBeliefs) => "convicções religiosas ou filosóficas",
        (L::Pt, S::TradeUnionMembership) => "filiação sindical",
        (L::Pt, S::Genetic) => "dados genéticos",
        (L::Pt, S::Biometric) => "dados biométricos",
        (L::Pt, S::Health) => "dados relativos à saúde",
        (L::Pt, S::SexLifeOrSexualOrientation) => "vida sexual ou orientação sexual",
    };
    word.to_owned()
}

/// The words for a kind of sensitive data (the US state laws), in
/// brackets after an item's name. English law only: descriptive
/// translations.
#[must_use]
pub fn sensitive(locale: Locale, kind: SensitiveKind) -> String {
    use Locale as L;
    use SensitiveKind as K;
    // [de, fr, es, it, nl, pt]
    let words: [&str; 6] = match kind {
        K::GovernmentId => [
            "amtliche Ausweisnummern",
            "identifiants officiels",
            "identificadores oficiales",
            "identificativi ufficiali",
            "officiële identificatienummers",
            "identificadores oficiais",
        ],
        K::AccountCredentials => [
            "Zugangsdaten zu einem Konto",
            "identifiants de connexion à un compte",
            "credenciales de acceso a una cuenta",
            "credenziali di accesso a un account",
            "inloggegevens van een account",
            "credenciais de acesso a uma conta",
        ],
        K::FinancialAccount => [
            "Finanzkonto- oder Kartennummer",
            "numéro de compte financier ou de carte",
            "número de cuenta financiera o de tarjeta",
            "numero di conto finanziario o di carta",
            "financieel rekening- of kaartnummer",
            "número de conta financeira ou de cartão",
        ],
        K::PreciseGeolocation => [
            "genaue Standortdaten",
            "géolocalisation précise",
            "geolocalización precisa",
            "geolocalizzazione precisa",
            "precieze geolocatie",
            "geolocalização precisa",
        ],
        K::RacialOrEthnicOrigin => [
            "rassische oder ethnische Herkunft",
            "origine raciale ou ethnique",
            "origen étnico o racial",
            "origine razziale o etnica",
            "ras of etnische afkomst",
            "origem racial ou étnica",
        ],
        K::ReligiousOrPhilosophicalBeliefs => [
            "religiöse oder weltanschauliche Überzeugungen",
            "convictions religieuses ou philosophiques",
            "convicciones religiosas o filosóficas",
            "convinzioni religiose o filosofiche",
            "religieuze of levensbeschouwelijke overtuigingen",
            "convicções religiosas ou filosóficas",
        ],
        K::UnionMembership => [
            "Gewerkschaftszugehörigkeit",
            "appartenance syndicale",
            "afiliación sindical",
            "appartenenza sindacale",
            "lidmaatschap van een vakbond",
            "filiação sindical",
        ],
        K::CitizenshipOrImmigration => [
            "Staatsangehörigkeit oder Aufenthaltsstatus",
            "citoyenneté ou statut d’immigration",
            "ciudadanía o situación migratoria",
            "cittadinanza o status di immigrazione",
            "staatsburgerschap of immigratiestatus",
            "cidadania ou situação migratória",
        ],
        K::CommunicationsContent => [
            "Inhalt von Nachrichten",
            "contenu des communications",
            "contenido de las comunicaciones",
            "contenuto delle comunicazioni",
            "inhoud van berichten",
            "conteúdo das comunicações",
        ],
        K::Genetic => [
            "genetische Daten",
            "données génétiques",
            "datos genéticos",
            "dati genetici",
            "genetische gegevens",
            "dados genéticos",
        ],
        K::Neural => [
            "neuronale Daten",
            "données neuronales",
            "datos neuronales",
            "dati neurali",
            "neurale gegevens",
            "dados neurais",
        ],
        K::Biometric => [
            "biometrische Daten",
            "données biométriques",
            "datos biométricos",
            "dati biometrici",
            "biometrische gegevens",
            "dados biométricos",
        ],
        K::Health => [
            "Gesundheitsdaten",
            "données concernant la santé",
            "datos relativos a la salud",
            "dati relativi alla salute",
            "gegevens over gezondheid",
            "dados relativos à saúde",
        ],
        K::SexLifeOrSexualOrientation => [
            "Sexualleben oder sexuelle Orientierung",
            "vie sexuelle ou orientation sexuelle",
            "vida sexual u orientación sexual",
            "vita sessuale o orientamento sessuale",
            "seksueel gedrag of seksuele gerichtheid",
            "vida sexual ou orientação sexual",
        ],
        K::SensitiveInference => [
            "Rückschlüsse auf sensible Daten",
            "déductions relatives à des données sensibles",
            "inferencias sobre datos sensibles",
            "deduzioni relative a dati sensibili",
            "afleidingen over gevoelige gegevens",
            "inferências sobre dados sensíveis",
        ],
        K::TransgenderOrNonbinary => [
            "Status als transgeschlechtlich oder nichtbinär",
            "statut de personne transgenre ou non binaire",
            "condición de persona transgénero o no binaria",
            "condizione di persona transgender o non binaria",
            "status als transgender of non-binair",
            "condição de pessoa transgénero ou não binária",
        ],
        K::CrimeVictim => [
            "Status als Opfer einer Straftat",
            "statut de victime d’une infraction",
            "condición de víctima de un delito",
            "condizione di vittima di reato",
            "status als slachtoffer van een misdrijf",
            "condição de vítima de crime",
        ],
        K::NationalOrigin => [
            "nationale Herkunft",
            "origine nationale",
            "origen nacional",
            "origine nazionale",
            "nationale afkomst",
            "origem nacional",
        ],
    };
    let index = match locale {
        L::En => return kind.word().replace('_', " "),
        L::De => 0,
        L::Fr => 1,
        L::Es => 2,
        L::It => 3,
        L::Nl => 4,
        L::Pt => 5,
    };
    words[index].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prints_what_it_printed_before_languages() {
        for b in LawfulBasis::WORDS {
            let b = LawfulBasis::from_word(b).expect("a basis");
            assert_eq!(basis(Locale::En, b), super::super::text::basis_label(b));
        }
        assert_eq!(
            special(Locale::En, SpecialCategory::SexLifeOrSexualOrientation),
            "sex life or sexual orientation"
        );
        assert_eq!(
            sensitive(Locale::En, SensitiveKind::PreciseGeolocation),
            "precise geolocation"
        );
    }

    #[test]
    fn every_language_has_its_own_word() {
        for locale in Locale::ALL.into_iter().skip(1) {
            for b in LawfulBasis::WORDS {
                let b = LawfulBasis::from_word(b).expect("a basis");
                assert_ne!(basis(locale, b), basis(Locale::En, b), "{locale} {b:?}");
            }
            for s in SpecialCategory::WORDS {
                let s = SpecialCategory::from_word(s).expect("a category");
                assert_ne!(special(locale, s), special(Locale::En, s), "{locale} {s:?}");
            }
        }
    }
}
