//! Word lists and grammar for the synthetic corpus: organisation names in six languages and
//! four scripts (gender agreement in Russian, Greek, German, Spanish), events, people, quotes.

// code|English|Russian genitive|Korean|Greek genitive|German genitive|Spanish|native language
pub(crate) const COUNTRIES: &str = "RU|Russia|России|러시아|Ρωσίας|Russlands|Rusia|ru\nBY|Belarus|Беларуси|벨라루스|Λευκορωσίας|Belarus|Bielorrusia|ru\nKZ|Kazakhstan|Казахстана|카자흐스탄|Καζακστάν|Kasachstans|Kazajistán|ru\nUA|Ukraine|Украины|우크라이나|Ουκρανίας|der Ukraine|Ucrania|ru\nKR|Korea|Кореи|한국|Κορέας|Koreas|Corea|ko\nGR|Greece|Греции|그리스|Ελλάδας|Griechenlands|Grecia|el\nCY|Cyprus|Кипра|키프로스|Κύπρου|Zyperns|Chipre|el\nDE|Germany|Германии|독일|Γερμανίας|Deutschlands|Alemania|de\nAT|Austria|Австрии|오스트리아|Αυστρίας|Österreichs|Austria|de\nES|Spain|Испании|스페인|Ισπανίας|Spaniens|España|es\nMX|Mexico|Мексики|멕시코|Μεξικού|Mexikos|México|es\nAR|Argentina|Аргентины|아르헨티나|Αργεντινής|Argentiniens|Argentina|es\nCL|Chile|Чили|칠레|Χιλής|Chiles|Chile|es\nCO|Colombia|Колумбии|콜롬비아|Κολομβίας|Kolumbiens|Colombia|es\nVE|Venezuela|Венесуэлы|베네수엘라|Βενεζουέλας|Venezuelas|Venezuela|es\nCU|Cuba|Кубы|쿠바|Κούβας|Kubas|Cuba|es\nPE|Peru|Перу|페루|Περού|Perus|Perú|es\nUS|the United States|США|미국|ΗΠΑ|der USA|Estados Unidos|en\nGB|Britain|Великобритании|영국|Βρετανίας|Großbritanniens|Gran Bretaña|en\nIE|Ireland|Ирландии|아일랜드|Ιρλανδίας|Irlands|Irlanda|en\nIN|India|Индии|인도|Ινδίας|Indiens|India|en\nPH|the Philippines|Филиппин|필리핀|Φιλιππίνων|der Philippinen|Filipinas|en\nZA|South Africa|ЮАР|남아프리카공화국|Νότιας Αφρικής|Südafrikas|Sudáfrica|en\nNG|Nigeria|Нигерии|나이지리아|Νιγηρίας|Nigerias|Nigeria|en\nAU|Australia|Австралии|호주|Αυστραλίας|Australiens|Australia|en\nCA|Canada|Канады|캐나다|Καναδά|Kanadas|Canadá|en\nFR|France|Франции|프랑스|Γαλλίας|Frankreichs|Francia|en\nIT|Italy|Италии|이탈리아|Ιταλίας|Italiens|Italia|en\nPT|Portugal|Португалии|포르투갈|Πορτογαλίας|Portugals|Portugal|en\nBR|Brazil|Бразилии|브라질|Βραζιλίας|Brasiliens|Brasil|en\nTR|Turkey|Турции|튀르키예|Τουρκίας|der Türkei|Turquía|en\nIR|Iran|Ирана|이란|Ιράν|Irans|Irán|en\nPK|Pakistan|Пакистана|파키스탄|Πακιστάν|Pakistans|Pakistán|en\nNP|Nepal|Непала|네팔|Νεπάλ|Nepals|Nepal|en\nJP|Japan|Японии|일본|Ιαπωνίας|Japans|Japón|en\nSE|Sweden|Швеции|스웨덴|Σουηδίας|Schwedens|Suecia|en\nPL|Poland|Польши|폴란드|Πολωνίας|Polens|Polonia|en\nCZ|Czechia|Чехии|체코|Τσεχίας|Tschechiens|Chequia|en";
// English|Russian stem+ending|Korean|Greek stem+ending|German stem|Spanish (masculine)
pub(crate) const ADJECTIVES: &str = "United|Объединённ+ый|통일|Ενωμέν+ος|Vereinigt|Unificado\nRevolutionary|Революционн+ый|혁명|Επαναστατικ+ός|Revolutionär|Revolucionario\nDemocratic|Демократическ+ий|민주|Δημοκρατικ+ός|Demokratisch|Democrático\nProgressive|Прогрессивн+ый|진보|Προοδευτικ+ός|Progressiv|Progresista\nIndependent|Независим+ый|독립|Ανεξάρτητ+ος|Unabhängig|Independiente\nFree|Свободн+ый|자유|Ελεύθερ+ος|Frei|Libre\nRadical|Радикальн+ый|급진|Ριζοσπαστικ+ός|Radikal|Radical\nInternationalist|Интернационалистическ+ий|국제주의|Διεθνιστικ+ός|Internationalistisch|Internacionalista\nLeft|Лев+ый|좌익|Αριστερ+ός|Link|Izquierdista\nPatriotic|Патриотическ+ий|애국|Πατριωτικ+ός|Patriotisch|Patriótico\nProletarian|Пролетарск+ий|프롤레타리아|Προλεταριακ+ός|Proletarisch|Proletario\nGreen|Зелён+ый|녹색|Πράσιν+ος|Grün|Verde\nFederal|Федеративн+ый|연방|Ομοσπονδιακ+ός|Föderal|Federal\nWorking People's|Трудов+ой|근로인민|Εργαζόμεν+ος|Werktätig|Trabajador\nNational|Национальн+ый|민족|Εθνικ+ός|National|Nacional\nAnti-Imperialist|Антиимпериалистическ+ий|반제국주의|Αντιιμπεριαλιστικ+ός|Antiimperialistisch|Antiimperialista\nPopular|Народн+ый|인민|Λαϊκ+ός|Volkstümlich|Popular\nRenewed|Обновлённ+ый|쇄신|Ανανεωμέν+ος|Erneuert|Renovado\nRed|Красн+ый|붉은|Κόκκιν+ος|Rot|Rojo\nUnitary|Единн+ый|단일|Ενιαί+ος|Einheitlich|Unitario\nSovereign|Суверенн+ый|주권|Κυρίαρχ+ος|Souverän|Soberano\nSocial|Социальн+ый|사회|Κοινωνικ+ός|Sozial|Social\nOrthodox|Ортодоксальн+ый|정통|Ορθόδοξ+ος|Orthodox|Ortodoxo\nMilitant|Боев+ой|전투적|Μαχητικ+ός|Kämpferisch|Combativo";
pub(crate) const IDEOLOGIES: &str = "Communist|Коммунистическ+ий|공산|Κομμουνιστικ+ός|Kommunistisch|Comunista\nSocialist|Социалистическ+ий|사회주의|Σοσιαλιστικ+ός|Sozialistisch|Socialista\nMarxist-Leninist|Марксистско-ленинск+ий|마르크스레닌주의|Μαρξιστικ+ός|Marxistisch-Leninistisch|Marxista-Leninista\nTrotskyist|Троцкистск+ий|트로츠키주의|Τροτσκιστικ+ός|Trotzkistisch|Trotskista\nBolshevik|Большевистск+ий|볼셰비키|Μπολσεβίκικ+ος|Bolschewistisch|Bolchevique\nAnarchist|Анархистск+ий|무정부주의|Αναρχικ+ός|Anarchistisch|Anarquista\nMaoist|Маоистск+ий|마오주의|Μαοϊκ+ός|Maoistisch|Maoísta\nSocial Democratic|Социал-демократическ+ий|사회민주|Σοσιαλδημοκρατικ+ός|Sozialdemokratisch|Socialdemócrata\nAgrarian|Аграрн+ый|농민|Αγροτικ+ός|Agrarisch|Agrario\nEcologist|Экологическ+ий|생태|Οικολογικ+ός|Ökologisch|Ecologista\nLabour|Рабоч+ий|노동|Εργατικ+ός|Arbeitend|Laborista\nLeft Socialist|Левосоциалистическ+ий|좌파사회주의|Αριστεροσοσιαλιστικ+ός|Linkssozialistisch|Socialista de Izquierda";
// English|Russian|gender|Korean|Greek|gender|German|gender|Spanish|gender|kind (m/f/n)
pub(crate) const TYPES: &str = "Party|партия|f|당|Κόμμα|n|Partei|f|Partido|m|party\nUnion|союз|m|연맹|Ένωση|f|Bund|m|Unión|f|organisation\nFront|фронт|m|전선|Μέτωπο|n|Front|f|Frente|m|bloc\nMovement|движение|n|운동|Κίνημα|n|Bewegung|f|Movimiento|m|organisation\nYouth League|союз молодёжи|m|청년동맹|Νεολαία|f|Jugendverband|m|Juventud|f|youth_org\nTendency|тенденция|f|경향|Τάση|f|Tendenz|f|Tendencia|f|tendency\nNetwork|сеть|f|네트워크|Δίκτυο|n|Netzwerk|n|Red|f|network\nOrganisation|организация|f|조직|Οργάνωση|f|Organisation|f|Organización|f|organisation\nReview|обозрение|n|평론|Επιθεώρηση|f|Rundschau|f|Revista|f|media\nGroup|группа|f|그룹|Ομάδα|f|Gruppe|f|Grupo|m|organisation";
pub(crate) const ALLIANCE: &str =
    "International|интернационал|m|인터내셔널|Διεθνής|f|Internationale|f|Internacional|f|alliance";
// English|Russian|Korean
pub(crate) const EVENTS: &str = "the general strike|всеобщая забастовка|총파업\nthe elections|выборы|선거\nthe military coup|военный переворот|군사 쿠데타\nthe war|война|전쟁\nthe sanctions|санкции|제재\nthe mass protests|массовые протесты|대규모 시위\nthe repression of trade unionists|репрессии против профсоюзных активистов|노동조합원 탄압\nthe energy crisis|энергетический кризис|에너지 위기\nthe peace negotiations|мирные переговоры|평화 협상\nthe privatisation of the railways|приватизация железных дорог|철도 민영화\nthe foreign military intervention|иностранная военная интервенция|외국 군사 개입\nthe rise in fuel prices|рост цен на топливо|연료 가격 인상";
pub(crate) const FIRST: &str = "Anna|Анна|안나\nIvan|Иван|이반\nMaria|Мария|마리아\nGeorgios|Георгиос|게오르기오스\nMin-jun|Мин Джун|민준\nElena|Елена|옐레나\nCarlos|Карлос|카를로스\nSofia|София|소피아\nDmitri|Дмитрий|드미트리\nJi-woo|Джи У|지우\nHelga|Хельга|헬가\nNikos|Никос|니코스";
pub(crate) const LAST: &str = "Petrova|Петрова|페트로바\nKim|Ким|김\nPapadopoulos|Пападопулос|파파도풀로스\nGarcía|Гарсия|가르시아\nMüller|Мюллер|뮐러\nSokolov|Соколов|소콜로프\nPark|Пак|박\nNavarro|Наварро|나바로\nIvanenko|Иваненко|이바넨코\nLee|Ли|이\nKarras|Каррас|카라스\nSchmidt|Шмидт|슈미트";
pub(crate) const SEED_ISSUES: [(&str, &str, &str); 4] = [
    (
        "csto-kazakhstan-2022",
        "the CSTO intervention in Kazakhstan",
        "вмешательство ОДКБ в Казахстане",
    ),
    (
        "eurasian-integration",
        "Eurasian integration under the EAEU",
        "евразийская интеграция",
    ),
    (
        "kazakhstan-protests-2022",
        "the January 2022 protests in Kazakhstan",
        "январские протесты в Казахстане",
    ),
    (
        "russia-imperialist",
        "the claim that Russia is an imperialist power",
        "тезис об империализме России",
    ),
];

pub(crate) fn table(src: &'static str) -> Vec<Vec<&'static str>> {
    src.lines().map(|l| l.split('|').collect()).collect()
}

pub(crate) fn ru_adj(word: &str, gender: &str) -> String {
    let (stem, end) = word.split_once('+').unwrap_or((word, ""));
    let hard = stem.ends_with(['г', 'к', 'х']) || end != "ий";
    let ending = match (gender, end) {
        ("f", _) => "ая",
        ("n", _) if hard => "ое",
        ("n", _) => "ее",
        _ => end,
    };
    format!("{stem}{ending}")
}
pub(crate) fn el_adj(word: &str, gender: &str) -> String {
    let (stem, end) = word.split_once('+').unwrap_or((word, ""));
    let ending = match (gender, end == "ός") {
        ("f", true) => "ή",
        ("n", true) => "ό",
        ("f", false) if stem.ends_with(['ι', 'ί']) => "α",
        ("f", false) => "η",
        ("n", false) => "ο",
        _ => end,
    };
    format!("{stem}{ending}")
}
pub(crate) fn de_adj(stem: &str, gender: &str) -> String {
    let ending = match gender {
        "m" => "er",
        "f" => "e",
        _ => "es",
    };
    format!("{stem}{ending}")
}
pub(crate) fn es_adj(word: &str, gender: &str) -> String {
    match word.strip_suffix('o') {
        Some(stem) if gender == "f" => format!("{stem}a"),
        _ => word.to_string(),
    }
}
pub(crate) fn first_upper(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
/// Initials of the significant words (and hyphenated parts), upper-cased, accents dropped.
pub(crate) fn initials(name: &str) -> String {
    const SKIP: [&str; 5] = ["of", "the", "de", "der", "y"];
    name.split([' ', '-'])
        .filter(|w| !w.is_empty() && !SKIP.contains(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .map(|c| match c {
            'Ά' => 'Α',
            'Έ' => 'Ε',
            'Ό' => 'Ο',
            'Ί' => 'Ι',
            'Ύ' => 'Υ',
            'Ή' => 'Η',
            'Ώ' => 'Ω',
            c => c,
        })
        .collect()
}
pub(crate) fn slug(s: &str) -> String {
    let ascii = any_ascii::any_ascii(s).to_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

// What organisations say, by stance value (support, oppose, ambivalent, none_found) and then
// filler sentences; {t} is the issue's topic, {T} the same capitalised.
pub(crate) const SAY_EN: [&str; 5] = [
    "We express our full solidarity with {t}.\nOur organisation supports {t} without reservation.\n{T} deserves the support of every progressive force.\nThe working class must stand firmly behind {t}.",
    "We resolutely condemn {t}.\n{T} serves only the interests of the monopolies.\nOur party rejects {t} in the strongest terms.\nNo genuine socialist can support {t}.",
    "{T} has both progressive and reactionary sides.\nWe neither support nor oppose {t} unconditionally.\nThe assessment of {t} requires further discussion in our ranks.",
    "The document discusses {t} without taking a position.\n{T} is mentioned only in passing.",
    "Only a socialist revolution can resolve the crisis.\nThe workers must build their own independent organisations.\nWe call on all revolutionaries to unite in action.\nThe ruling class will try to divide the working people.\nImperialist rivalry is sharpening everywhere.\nLong live international solidarity!",
];
pub(crate) const SAY_RU: [&str; 5] = [
    "Мы решительно поддерживаем: {t}.\nТема «{t}» требует поддержки всех прогрессивных сил.",
    "Мы решительно осуждаем: {t}.\nТема «{t}» служит лишь интересам монополий.",
    "Вопрос «{t}» требует дальнейшего обсуждения.",
    "Документ упоминает тему «{t}», не занимая позиции.",
    "Только социалистическая революция может разрешить кризис.\nДа здравствует международная солидарность!",
];
pub(crate) const VALUES: [&str; 4] = ["support", "oppose", "ambivalent", "none_found"];
