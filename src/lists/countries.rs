//! The names of countries (English, Spanish, French, German, Russian and common variants),
//! by ISO 3166 code: how a printed list's "Country, Party" or "Party (Country)" is told apart
//! from a party's own name, and how a printed country is compared with an organisation's.
//! Common knowledge, not a sourced fact; the one home of country names in the project.
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fold::fold;

/// Code, then every name separated by "|".
const COUNTRIES: &[(&str, &str)] = &[
    ("AF", "Afghanistan|Afganistán|Афганистан"),
    ("AL", "Albania|Albanie|Albanien|Албания"),
    ("DZ", "Algeria|Argelia|Algérie|Algerien|Алжир"),
    ("AO", "Angola|Ангола"),
    ("AR", "Argentina|Argentine|Argentinien|Аргентина"),
    ("AM", "Armenia|Arménie|Armenien|Армения"),
    ("AU", "Australia|Australie|Australien|Австралия"),
    ("AT", "Austria|Autriche|Österreich|Австрия"),
    (
        "AZ",
        "Azerbaijan|Azerbaiyán|Azerbaïdjan|Aserbaidschan|Азербайджан",
    ),
    ("BH", "Bahrain|Bahréin|Bahreïn|Бахрейн"),
    ("BD", "Bangladesh|Bangladés|Бангладеш"),
    (
        "BY",
        "Belarus|Bielorrusia|Biélorussie|Belarus|Weißrussland|Беларусь|Белоруссия",
    ),
    ("BE", "Belgium|Bélgica|Belgique|Belgien|Бельгия"),
    ("BJ", "Benin|Benín|Bénin|Бенин"),
    ("BO", "Bolivia|Bolivie|Bolivien|Боливия"),
    (
        "BA",
        "Bosnia and Herzegovina|Bosnia|Bosnie-Herzégovine|Bosnien und Herzegowina|Босния и Герцеговина",
    ),
    ("BW", "Botswana|Ботсвана"),
    ("BR", "Brazil|Brasil|Brésil|Brasilien|Бразилия"),
    ("BG", "Bulgaria|Bulgarie|Bulgarien|Болгария"),
    ("BF", "Burkina Faso|Буркина-Фасо"),
    ("KH", "Cambodia|Camboya|Cambodge|Kambodscha|Камбоджа"),
    ("CM", "Cameroon|Camerún|Cameroun|Kamerun|Камерун"),
    ("CA", "Canada|Canadá|Kanada|Канада"),
    ("CL", "Chile|Chili|Чили"),
    ("CN", "China|Chine|Китай"),
    ("CO", "Colombia|Colombie|Kolumbien|Колумбия"),
    ("CG", "Congo|Конго"),
    ("CR", "Costa Rica|Коста-Рика"),
    (
        "CI",
        "Côte d'Ivoire|Ivory Coast|Costa de Marfil|Elfenbeinküste|Кот-д'Ивуар",
    ),
    ("HR", "Croatia|Croacia|Croatie|Kroatien|Хорватия"),
    ("CU", "Cuba|Kuba|Куба"),
    ("CY", "Cyprus|Chipre|Chypre|Zypern|Кипр"),
    (
        "CZ",
        "Czech Republic|Czechia|Bohemia and Moravia|República Checa|Chequia|République tchèque|Tchéquie|Tschechien|Tschechische Republik|Чехия",
    ),
    ("DK", "Denmark|Dinamarca|Danemark|Dänemark|Дания"),
    (
        "DO",
        "Dominican Republic|República Dominicana|République dominicaine|Dominikanische Republik|Доминиканская Республика",
    ),
    ("EC", "Ecuador|Équateur|Эквадор"),
    ("EG", "Egypt|Egipto|Égypte|Ägypten|Египет"),
    ("SV", "El Salvador|Salvador|Сальвадор"),
    ("EE", "Estonia|Estonie|Estland|Эстония"),
    ("ET", "Ethiopia|Etiopía|Éthiopie|Äthiopien|Эфиопия"),
    ("FI", "Finland|Finlandia|Finlande|Finnland|Финляндия"),
    ("FR", "France|Francia|Frankreich|Франция"),
    ("GE", "Georgia|Géorgie|Georgien|Грузия"),
    (
        "DE",
        "Germany|Alemania|Allemagne|Deutschland|Германия|FRG|GDR",
    ),
    ("GH", "Ghana|Гана"),
    ("GR", "Greece|Grecia|Grèce|Griechenland|Греция"),
    ("GT", "Guatemala|Гватемала"),
    ("GY", "Guyana|Гайана"),
    ("HT", "Haiti|Haití|Haïti|Гаити"),
    ("HN", "Honduras|Гондурас"),
    ("HU", "Hungary|Hungría|Hongrie|Ungarn|Венгрия"),
    ("IS", "Iceland|Islandia|Islande|Island|Исландия"),
    ("IN", "India|Inde|Indien|Индия"),
    ("ID", "Indonesia|Indonésie|Indonesien|Индонезия"),
    ("IR", "Iran|Irán|Иран"),
    ("IQ", "Iraq|Irak|Ирак"),
    ("IE", "Ireland|Irlanda|Irlande|Irland|Ирландия"),
    ("IL", "Israel|Israël|Израиль"),
    ("IT", "Italy|Italia|Italie|Italien|Италия"),
    ("JM", "Jamaica|Jamaïque|Jamaika|Ямайка"),
    ("JP", "Japan|Japón|Japon|Япония"),
    ("JO", "Jordan|Jordania|Jordanie|Jordanien|Иордания"),
    ("KZ", "Kazakhstan|Kazajistán|Kasachstan|Казахстан"),
    ("KE", "Kenya|Kenia|Кения"),
    (
        "KP",
        "North Korea|DPRK|DPR Korea|Corea del Norte|Corée du Nord|Nordkorea|КНДР|Северная Корея",
    ),
    (
        "KR",
        "South Korea|Republic of Korea|Corea del Sur|Corée du Sud|Südkorea|Южная Корея",
    ),
    ("KW", "Kuwait|Koweït|Кувейт"),
    (
        "KG",
        "Kyrgyzstan|Kirguistán|Kirghizistan|Kirgisistan|Киргизия|Кыргызстан",
    ),
    ("LA", "Laos|Лаос"),
    ("LV", "Latvia|Letonia|Lettonie|Lettland|Латвия"),
    ("LB", "Lebanon|Líbano|Liban|Libanon|Ливан"),
    ("LY", "Libya|Libia|Libye|Libyen|Ливия"),
    ("LT", "Lithuania|Lituania|Lituanie|Litauen|Литва"),
    ("LU", "Luxembourg|Luxemburgo|Luxemburg|Люксембург"),
    (
        "MK",
        "North Macedonia|Macedonia|Macédoine du Nord|Macédoine|Nordmazedonien|Mazedonien|Северная Македония|Македония",
    ),
    ("MG", "Madagascar|Madagaskar|Мадагаскар"),
    ("MY", "Malaysia|Malasia|Malaisie|Малайзия"),
    ("ML", "Mali|Мали"),
    ("MT", "Malta|Malte|Мальта"),
    ("MX", "Mexico|México|Mexique|Mexiko|Мексика"),
    (
        "MD",
        "Moldova|Moldavia|Moldavie|Moldau|Республика Молдова|Молдавия|Молдова",
    ),
    ("MN", "Mongolia|Mongolie|Mongolei|Монголия"),
    ("ME", "Montenegro|Monténégro|Черногория"),
    ("MA", "Morocco|Marruecos|Maroc|Marokko|Марокко"),
    ("MZ", "Mozambique|Mosambik|Мозамбик"),
    ("MM", "Myanmar|Burma|Мьянма"),
    ("NA", "Namibia|Namibie|Намибия"),
    ("NP", "Nepal|Népal|Непал"),
    (
        "NL",
        "Netherlands|The Netherlands|Holland|Países Bajos|Holanda|Pays-Bas|Niederlande|Нидерланды",
    ),
    (
        "NZ",
        "New Zealand|Nueva Zelanda|Nouvelle-Zélande|Neuseeland|Новая Зеландия",
    ),
    ("NI", "Nicaragua|Никарагуа"),
    ("NE", "Niger|Нигер"),
    ("NG", "Nigeria|Nigéria|Нигерия"),
    ("NO", "Norway|Noruega|Norvège|Norwegen|Норвегия"),
    ("OM", "Oman|Omán|Оман"),
    ("PK", "Pakistan|Pakistán|Пакистан"),
    ("PS", "Palestine|Palestina|Palästina|Палестина"),
    ("PA", "Panama|Panamá|Панама"),
    ("PY", "Paraguay|Парагвай"),
    ("PE", "Peru|Perú|Pérou|Перу"),
    ("PH", "Philippines|Filipinas|Philippinen|Филиппины"),
    ("PL", "Poland|Polonia|Pologne|Polen|Польша"),
    ("PT", "Portugal|Португалия"),
    ("PR", "Puerto Rico|Porto Rico|Пуэрто-Рико"),
    ("QA", "Qatar|Katar|Катар"),
    ("RO", "Romania|Rumania|Roumanie|Rumänien|Румыния"),
    (
        "RU",
        "Russia|Russian Federation|Rusia|Federación de Rusia|Russie|Fédération de Russie|Russland|Russische Föderation|Россия|Российская Федерация",
    ),
    ("RW", "Rwanda|Ruanda|Руанда"),
    (
        "SA",
        "Saudi Arabia|Arabia Saudita|Arabie saoudite|Saudi-Arabien|Саудовская Аравия",
    ),
    ("SN", "Senegal|Sénégal|Сенегал"),
    ("RS", "Serbia|Serbie|Serbien|Сербия"),
    ("SL", "Sierra Leone|Сьерра-Леоне"),
    ("SG", "Singapore|Singapur|Singapour|Сингапур"),
    ("SK", "Slovakia|Eslovaquia|Slovaquie|Slowakei|Словакия"),
    ("SI", "Slovenia|Eslovenia|Slovénie|Slowenien|Словения"),
    ("SO", "Somalia|Somalie|Сомали"),
    (
        "ZA",
        "South Africa|Sudáfrica|Afrique du Sud|Südafrika|ЮАР|Южная Африка",
    ),
    (
        "SS",
        "South Sudan|Sudán del Sur|Soudan du Sud|Südsudan|Южный Судан",
    ),
    ("ES", "Spain|España|Espagne|Spanien|Испания"),
    ("LK", "Sri Lanka|Шри-Ланка"),
    ("SD", "Sudan|Sudán|Soudan|Судан"),
    ("SE", "Sweden|Suecia|Suède|Schweden|Швеция"),
    ("CH", "Switzerland|Suiza|Suisse|Schweiz|Швейцария"),
    ("SY", "Syria|Siria|Syrie|Syrien|Сирия"),
    ("TW", "Taiwan|Taiwán|Тайвань"),
    (
        "TJ",
        "Tajikistan|Tayikistán|Tadjikistan|Tadschikistan|Таджикистан",
    ),
    ("TZ", "Tanzania|Tanzanie|Танзания"),
    ("TH", "Thailand|Tailandia|Thaïlande|Таиланд"),
    ("TG", "Togo|Того"),
    (
        "TT",
        "Trinidad and Tobago|Trinidad y Tobago|Тринидад и Тобаго",
    ),
    ("TN", "Tunisia|Túnez|Tunisie|Tunesien|Тунис"),
    ("TR", "Turkey|Türkiye|Turquía|Turquie|Türkei|Турция"),
    (
        "TM",
        "Turkmenistan|Turkmenistán|Turkménistan|Туркменистан|Туркмения",
    ),
    ("UG", "Uganda|Ouganda|Уганда"),
    ("UA", "Ukraine|Ucrania|Украина"),
    (
        "AE",
        "United Arab Emirates|Emiratos Árabes Unidos|Émirats arabes unis|Vereinigte Arabische Emirate|ОАЭ",
    ),
    (
        "GB",
        "United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Reino Unido|Gran Bretaña|Royaume-Uni|Grande-Bretagne|Großbritannien|Vereinigtes Königreich|Великобритания",
    ),
    (
        "US",
        "United States|USA|US|United States of America|Estados Unidos|EE.UU.|États-Unis|Vereinigte Staaten|США",
    ),
    ("UY", "Uruguay|Уругвай"),
    (
        "UZ",
        "Uzbekistan|Uzbekistán|Ouzbékistan|Usbekistan|Узбекистан",
    ),
    ("VE", "Venezuela|Венесуэла"),
    ("VN", "Vietnam|Viet Nam|Việt Nam|Вьетнам"),
    (
        "EH",
        "Western Sahara|Sahara Occidental|Westsahara|Западная Сахара",
    ),
    ("YE", "Yemen|Yémen|Jemen|Йемен"),
    ("ZM", "Zambia|Zambie|Sambia|Замбия"),
    ("ZW", "Zimbabwe|Simbabwe|Зимбабве"),
];

/// Folded name (without a leading "the") -> code.
fn table() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for (code, names) in COUNTRIES {
            for name in names.split('|') {
                map.insert(key(name), *code);
            }
        }
        map
    })
}

/// The lookup key of a country name: folded, a leading article dropped.
fn key(name: &str) -> String {
    let k = fold(name);
    match k.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => k,
    }
}

/// The code of the country `name` names (in any of the table's languages), if any.
pub fn code(name: &str) -> Option<&'static str> {
    let k = key(name.trim());
    if k.is_empty() {
        return None;
    }
    table().get(&k).copied()
}

/// The table's own copy of a country code, if the table knows it.
pub fn known(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().map(|(c, _)| *c).find(|c| *c == code)
}

/// The longest country name that starts `words` (folded words): (code, words it takes).
pub fn at_start(words: &[&str]) -> Option<(&'static str, usize)> {
    (1..=words.len().min(5))
        .rev()
        .find_map(|n| table().get(&words[..n].join(" ")).map(|code| (*code, n)))
}

#[cfg(test)]
mod tests {
    use super::{at_start, code};

    #[test]
    fn names_in_five_languages_give_one_code() {
        for n in [
            "Greece",
            "Grecia",
            "Grèce",
            "Griechenland",
            "Греция",
            "(Greece)",
        ] {
            assert_eq!(code(n.trim_matches(['(', ')'])), Some("GR"), "{n}");
        }
        assert_eq!(code("the Netherlands"), Some("NL"));
        assert_eq!(code("Marxist"), None);
        assert_eq!(at_start(&["russian", "federation", "x"]), Some(("RU", 2)));
    }
}
