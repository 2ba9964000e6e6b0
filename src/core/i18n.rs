//! Interface strings in every supported language. Each language is one
//! `Strings` value, so a missing string is a compile error; the tests check
//! that placeholders match and nothing is left empty or untranslated.
//! Dates, numbers, temperatures and month names are not here: the browser's
//! `Intl` formats them for any locale.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    Fr,
    De,
    Ar,
    Fa,
}

pub const LANGS: [Lang; 6] = [Lang::En, Lang::Es, Lang::Fr, Lang::De, Lang::Ar, Lang::Fa];

impl Lang {
    /// The table for a BCP 47 tag (`fa-IR` → Persian), English if none matches.
    pub fn for_tag(tag: &str) -> Lang {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "es" => Lang::Es,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            "ar" => Lang::Ar,
            "fa" | "prs" => Lang::Fa,
            _ => Lang::En,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Fr => &FR,
            Lang::De => &DE,
            Lang::Ar => &AR,
            Lang::Fa => &FA,
        }
    }
}

/// Whether text in a language (BCP 47 tag) is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "fa" | "prs" | "ps" | "ur" | "he" | "iw" | "yi" | "dv" | "ckb" | "sd" | "ug"
    )
}

/// The `dir` attribute for text in a language: `rtl` or `ltr`.
pub fn direction(tag: &str) -> &'static str {
    if is_rtl(tag) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The direction of a text whose language is not known: that of its first
/// letter (Hebrew, Arabic and the scripts written like them are right to
/// left), as the Unicode bidirectional algorithm takes a paragraph's.
pub fn text_direction(text: &str) -> &'static str {
    let rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
    // A letter: ASCII, or beyond Latin-1's symbols and outside the
    // punctuation and symbol blocks (no Unicode tables: they cost the
    // WebAssembly about a kilobyte).
    let letter = |c: char| {
        let n = c as u32;
        c.is_ascii_alphabetic()
            || (n >= 0xC0
                && n != 0xD7
                && n != 0xF7
                && !(0x2000..=0x2BFF).contains(&n)
                && !(0x3000..=0x303F).contains(&n))
    };
    match text.chars().find(|c| letter(*c)) {
        Some(c) if rtl(c) => "rtl",
        _ => "ltr",
    }
}

/// `{name}` placeholders of a template replaced by values.
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in params {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Declares `Strings` with one `&'static str` per name, and `entries()`
/// listing them all (for the completeness tests).
macro_rules! strings {
    ($($(#[$meta:meta])* $name:ident,)*) => {
        /// Every interface string. `{…}` are placeholders filled by the caller.
        pub struct Strings {
            $($(#[$meta])* pub $name: &'static str,)*
        }

        impl Strings {
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

strings! {
    trending_today,
    /// The sidebar's list when it holds a site's latest posts.
    latest,
    /// The sidebar's list when it holds a site's sticky posts.
    featured,
    archives,
    advertisement,
    read_also,
    /// `{provider}`: a video's link ("Watch on YouTube").
    watch_on,
    watch,
    /// `{provider}`
    listen_on,
    listen,
    /// `{provider}`: a social post's link.
    view_on,
    open_original,
    protected_notice,
    read_on_site,
    notes,
    back_to_text,
    retry,
    /// `{n}`: minutes, already formatted.
    min_read,
    by,
    /// `{date}`
    updated,
    author,
    /// `{name}`
    more_from,
    tags,
    loading,
    loading_article,
    not_found_title,
    not_found_text,
    front_page,
    error_article,
    error_trending,
    error_archives,
    error_listing,
    error_config,
    reason_not_found,
    /// `{status}`
    reason_http,
    reason_network,
    reason_timeout,
    reason_too_large,
    reason_empty,
    reason_encoding,
    reason_html,
    reason_syntax,
    reason_schema,
    reason_unsupported,
    /// `{month}`: month and year, already formatted.
    archive_title,
    /// `{page}`, `{pages}`
    page_of,
    previous,
    next,
    no_articles,
    no_trending,
    older_years,
    /// `{n}`: a count, already formatted.
    articles_count,
    skip_to_content,
    /// `{city}`
    weather_in,
    weather_clear,
    weather_mainly_clear,
    weather_partly_cloudy,
    weather_overcast,
    weather_fog,
    weather_drizzle,
    weather_freezing_drizzle,
    weather_rain,
    weather_freezing_rain,
    weather_snow,
    weather_snow_grains,
    weather_rain_showers,
    weather_snow_showers,
    weather_thunderstorm,
    weather_thunderstorm_hail,
    weather_unknown,
    sidebar,
    site_navigation,
}

pub static EN: Strings = Strings {
    trending_today: "Trending Today",
    latest: "Latest",
    featured: "Featured",
    archives: "Archives",
    advertisement: "Advertisement",
    read_also: "Read also",
    watch_on: "Watch on {provider}",
    watch: "Watch the video",
    listen_on: "Listen on {provider}",
    listen: "Listen",
    view_on: "View on {provider}",
    open_original: "Open the original",
    protected_notice: "This article is protected by a password.",
    read_on_site: "Read it on the publisher’s site",
    notes: "Footnotes",
    back_to_text: "Back to the text",
    retry: "Retry",
    min_read: "{n} min read",
    by: "By",
    updated: "Updated {date}",
    author: "Author",
    more_from: "More from {name}",
    tags: "Tags",
    loading: "Loading…",
    loading_article: "Loading the article…",
    not_found_title: "Page not found",
    not_found_text: "The article you are looking for does not exist or has been moved.",
    front_page: "Go to the front page",
    error_article: "This article could not be loaded.",
    error_trending: "Trending articles could not be loaded.",
    error_archives: "The archives could not be loaded.",
    error_listing: "This month’s articles could not be loaded.",
    error_config: "This news widget is not configured correctly.",
    reason_not_found: "It was not found.",
    reason_http: "The server answered with HTTP status {status}.",
    reason_network: "The server could not be reached.",
    reason_timeout: "The server took too long to answer.",
    reason_too_large: "The response was too large.",
    reason_empty: "The response was empty.",
    reason_encoding: "The response was not valid text.",
    reason_html: "A web page came back instead of data.",
    reason_syntax: "The data is damaged (invalid JSON or XML).",
    reason_schema: "The data is not in the expected format.",
    reason_unsupported: "The data is in a format this widget does not read.",
    archive_title: "Articles from {month}",
    page_of: "Page {page} of {pages}",
    previous: "Previous",
    next: "Next",
    no_articles: "No articles were published this month.",
    no_trending: "No articles to show.",
    older_years: "Older years",
    articles_count: "{n} articles",
    skip_to_content: "Skip to content",
    weather_in: "Weather in {city}",
    weather_clear: "Clear sky",
    weather_mainly_clear: "Mainly clear",
    weather_partly_cloudy: "Partly cloudy",
    weather_overcast: "Overcast",
    weather_fog: "Fog",
    weather_drizzle: "Drizzle",
    weather_freezing_drizzle: "Freezing drizzle",
    weather_rain: "Rain",
    weather_freezing_rain: "Freezing rain",
    weather_snow: "Snow",
    weather_snow_grains: "Snow grains",
    weather_rain_showers: "Rain showers",
    weather_snow_showers: "Snow showers",
    weather_thunderstorm: "Thunderstorm",
    weather_thunderstorm_hail: "Thunderstorm with hail",
    weather_unknown: "Weather",
    sidebar: "More news",
    site_navigation: "Site",
};

pub static ES: Strings = Strings {
    trending_today: "Tendencias de hoy",
    latest: "Lo más reciente",
    featured: "Destacados",
    archives: "Archivo",
    advertisement: "Publicidad",
    read_also: "Lea también",
    watch_on: "Ver en {provider}",
    watch: "Ver el vídeo",
    listen_on: "Escuchar en {provider}",
    listen: "Escuchar",
    view_on: "Ver la publicación en {provider}",
    open_original: "Abrir el original",
    protected_notice: "Este artículo está protegido con contraseña.",
    read_on_site: "Léalo en el sitio del editor",
    notes: "Notas",
    back_to_text: "Volver al texto",
    retry: "Reintentar",
    min_read: "{n} min de lectura",
    by: "Por",
    updated: "Actualizado: {date}",
    author: "Autor",
    more_from: "Más de {name}",
    tags: "Etiquetas",
    loading: "Cargando…",
    loading_article: "Cargando el artículo…",
    not_found_title: "Página no encontrada",
    not_found_text: "El artículo que busca no existe o se ha trasladado.",
    front_page: "Ir a la portada",
    error_article: "No se pudo cargar este artículo.",
    error_trending: "No se pudieron cargar las tendencias.",
    error_archives: "No se pudo cargar el archivo.",
    error_listing: "No se pudieron cargar los artículos de este mes.",
    error_config: "Este widget de noticias no está bien configurado.",
    reason_not_found: "No se encontró.",
    reason_http: "El servidor respondió con el estado HTTP {status}.",
    reason_network: "No se pudo conectar con el servidor.",
    reason_timeout: "El servidor tardó demasiado en responder.",
    reason_too_large: "La respuesta era demasiado grande.",
    reason_empty: "La respuesta estaba vacía.",
    reason_encoding: "La respuesta no era texto válido.",
    reason_html: "Se recibió una página web en lugar de datos.",
    reason_syntax: "Los datos están dañados (JSON o XML no válido).",
    reason_schema: "Los datos no tienen el formato esperado.",
    reason_unsupported: "Los datos están en un formato que este widget no lee.",
    archive_title: "Artículos de {month}",
    page_of: "Página {page} de {pages}",
    previous: "Anterior",
    next: "Siguiente",
    no_articles: "No se publicaron artículos este mes.",
    no_trending: "No hay artículos que mostrar.",
    older_years: "Años anteriores",
    articles_count: "{n} artículos",
    skip_to_content: "Saltar al contenido",
    weather_in: "El tiempo en {city}",
    weather_clear: "Despejado",
    weather_mainly_clear: "Mayormente despejado",
    weather_partly_cloudy: "Parcialmente nublado",
    weather_overcast: "Cubierto",
    weather_fog: "Niebla",
    weather_drizzle: "Llovizna",
    weather_freezing_drizzle: "Llovizna helada",
    weather_rain: "Lluvia",
    weather_freezing_rain: "Lluvia helada",
    weather_snow: "Nieve",
    weather_snow_grains: "Cinarra",
    weather_rain_showers: "Chubascos",
    weather_snow_showers: "Chubascos de nieve",
    weather_thunderstorm: "Tormenta",
    weather_thunderstorm_hail: "Tormenta con granizo",
    weather_unknown: "El tiempo",
    sidebar: "Más noticias",
    site_navigation: "Sitio",
};

pub static FR: Strings = Strings {
    trending_today: "Tendances du jour",
    latest: "Les plus récents",
    featured: "À la une",
    archives: "Archives",
    advertisement: "Publicité",
    read_also: "Lire aussi",
    watch_on: "Regarder sur {provider}",
    watch: "Regarder la vidéo",
    listen_on: "Écouter sur {provider}",
    listen: "Écouter",
    view_on: "Voir sur {provider}",
    open_original: "Ouvrir l’original",
    protected_notice: "Cet article est protégé par un mot de passe.",
    read_on_site: "Le lire sur le site de l’éditeur",
    notes: "Notes",
    back_to_text: "Retour au texte",
    retry: "Réessayer",
    min_read: "{n} min de lecture",
    by: "Par",
    updated: "Mis à jour le {date}",
    author: "Auteur",
    more_from: "Plus de {name}",
    tags: "Mots-clés",
    loading: "Chargement…",
    loading_article: "Chargement de l’article…",
    not_found_title: "Page introuvable",
    not_found_text: "L’article que vous cherchez n’existe pas ou a été déplacé.",
    front_page: "Aller à la une",
    error_article: "Impossible de charger cet article.",
    error_trending: "Impossible de charger les tendances.",
    error_archives: "Impossible de charger les archives.",
    error_listing: "Impossible de charger les articles de ce mois.",
    error_config: "Ce widget d’actualités est mal configuré.",
    reason_not_found: "Introuvable.",
    reason_http: "Le serveur a répondu avec le statut HTTP {status}.",
    reason_network: "Le serveur est injoignable.",
    reason_timeout: "Le serveur a mis trop de temps à répondre.",
    reason_too_large: "La réponse était trop volumineuse.",
    reason_empty: "La réponse était vide.",
    reason_encoding: "La réponse n’était pas un texte valide.",
    reason_html: "Une page web a été reçue au lieu des données.",
    reason_syntax: "Les données sont endommagées (JSON ou XML non valide).",
    reason_schema: "Les données ne sont pas au format attendu.",
    reason_unsupported: "Les données sont dans un format que ce widget ne lit pas.",
    archive_title: "Articles de {month}",
    page_of: "Page {page} sur {pages}",
    previous: "Précédent",
    next: "Suivant",
    no_articles: "Aucun article n’a été publié ce mois-ci.",
    no_trending: "Aucun article à afficher.",
    older_years: "Années précédentes",
    articles_count: "{n} articles",
    skip_to_content: "Aller au contenu",
    weather_in: "Météo à {city}",
    weather_clear: "Ciel dégagé",
    weather_mainly_clear: "Plutôt dégagé",
    weather_partly_cloudy: "Partiellement nuageux",
    weather_overcast: "Couvert",
    weather_fog: "Brouillard",
    weather_drizzle: "Bruine",
    weather_freezing_drizzle: "Bruine verglaçante",
    weather_rain: "Pluie",
    weather_freezing_rain: "Pluie verglaçante",
    weather_snow: "Neige",
    weather_snow_grains: "Neige en grains",
    weather_rain_showers: "Averses",
    weather_snow_showers: "Averses de neige",
    weather_thunderstorm: "Orage",
    weather_thunderstorm_hail: "Orage avec grêle",
    weather_unknown: "Météo",
    sidebar: "Plus d’actualités",
    site_navigation: "Site",
};

pub static DE: Strings = Strings {
    trending_today: "Heute im Trend",
    latest: "Neueste Artikel",
    featured: "Empfohlen",
    archives: "Archiv",
    advertisement: "Anzeige",
    read_also: "Lesen Sie auch",
    watch_on: "Auf {provider} ansehen",
    watch: "Video ansehen",
    listen_on: "Auf {provider} anhören",
    listen: "Anhören",
    view_on: "Auf {provider} öffnen",
    open_original: "Original öffnen",
    protected_notice: "Dieser Artikel ist passwortgeschützt.",
    read_on_site: "Auf der Website des Verlags lesen",
    notes: "Anmerkungen",
    back_to_text: "Zurück zum Text",
    retry: "Erneut versuchen",
    min_read: "{n} Min. Lesezeit",
    by: "Von",
    updated: "Aktualisiert am {date}",
    author: "Autor",
    more_from: "Mehr von {name}",
    tags: "Schlagwörter",
    loading: "Wird geladen …",
    loading_article: "Der Artikel wird geladen …",
    not_found_title: "Seite nicht gefunden",
    not_found_text: "Den gesuchten Artikel gibt es nicht oder er wurde verschoben.",
    front_page: "Zur Startseite",
    error_article: "Dieser Artikel konnte nicht geladen werden.",
    error_trending: "Die Trend-Artikel konnten nicht geladen werden.",
    error_archives: "Das Archiv konnte nicht geladen werden.",
    error_listing: "Die Artikel dieses Monats konnten nicht geladen werden.",
    error_config: "Dieses Nachrichten-Widget ist nicht richtig eingerichtet.",
    reason_not_found: "Er wurde nicht gefunden.",
    reason_http: "Der Server antwortete mit HTTP-Status {status}.",
    reason_network: "Der Server war nicht erreichbar.",
    reason_timeout: "Der Server hat zu lange nicht geantwortet.",
    reason_too_large: "Die Antwort war zu groß.",
    reason_empty: "Die Antwort war leer.",
    reason_encoding: "Die Antwort war kein gültiger Text.",
    reason_html: "Statt Daten kam eine Webseite zurück.",
    reason_syntax: "Die Daten sind beschädigt (ungültiges JSON oder XML).",
    reason_schema: "Die Daten haben nicht das erwartete Format.",
    reason_unsupported: "Die Daten liegen in einem Format vor, das dieses Widget nicht liest.",
    archive_title: "Artikel aus {month}",
    page_of: "Seite {page} von {pages}",
    previous: "Zurück",
    next: "Weiter",
    no_articles: "In diesem Monat wurden keine Artikel veröffentlicht.",
    no_trending: "Keine Artikel anzuzeigen.",
    older_years: "Frühere Jahre",
    articles_count: "{n} Artikel",
    skip_to_content: "Zum Inhalt springen",
    weather_in: "Wetter in {city}",
    weather_clear: "Klarer Himmel",
    weather_mainly_clear: "Überwiegend klar",
    weather_partly_cloudy: "Teilweise bewölkt",
    weather_overcast: "Bedeckt",
    weather_fog: "Nebel",
    weather_drizzle: "Nieselregen",
    weather_freezing_drizzle: "Gefrierender Nieselregen",
    weather_rain: "Regen",
    weather_freezing_rain: "Gefrierender Regen",
    weather_snow: "Schnee",
    weather_snow_grains: "Schneegriesel",
    weather_rain_showers: "Regenschauer",
    weather_snow_showers: "Schneeschauer",
    weather_thunderstorm: "Gewitter",
    weather_thunderstorm_hail: "Gewitter mit Hagel",
    weather_unknown: "Wetter",
    sidebar: "Weitere Nachrichten",
    site_navigation: "Website",
};

pub static AR: Strings = Strings {
    trending_today: "الأكثر رواجًا اليوم",
    latest: "الأحدث",
    featured: "مختارات",
    archives: "الأرشيف",
    advertisement: "إعلان",
    read_also: "اقرأ أيضًا",
    watch_on: "شاهد على {provider}",
    watch: "شاهد الفيديو",
    listen_on: "استمع على {provider}",
    listen: "استمع",
    view_on: "اعرض على {provider}",
    open_original: "افتح الأصل",
    protected_notice: "هذا المقال محمي بكلمة مرور.",
    read_on_site: "اقرأه على موقع الناشر",
    notes: "الحواشي",
    back_to_text: "العودة إلى النص",
    retry: "إعادة المحاولة",
    min_read: "وقت القراءة: {n} دقيقة",
    by: "بقلم",
    updated: "آخر تحديث: {date}",
    author: "الكاتب",
    more_from: "المزيد من {name}",
    tags: "الوسوم",
    loading: "جارٍ التحميل…",
    loading_article: "جارٍ تحميل المقال…",
    not_found_title: "الصفحة غير موجودة",
    not_found_text: "المقال الذي تبحث عنه غير موجود أو نُقل إلى مكان آخر.",
    front_page: "الذهاب إلى الصفحة الرئيسية",
    error_article: "تعذّر تحميل هذا المقال.",
    error_trending: "تعذّر تحميل المقالات الأكثر رواجًا.",
    error_archives: "تعذّر تحميل الأرشيف.",
    error_listing: "تعذّر تحميل مقالات هذا الشهر.",
    error_config: "إعدادات أداة الأخبار هذه غير صحيحة.",
    reason_not_found: "لم يُعثر عليه.",
    reason_http: "ردّ الخادم برمز حالة HTTP {status}.",
    reason_network: "تعذّر الاتصال بالخادم.",
    reason_timeout: "استغرق الخادم وقتًا طويلًا للرد.",
    reason_too_large: "الرد كبير جدًا.",
    reason_empty: "الرد فارغ.",
    reason_encoding: "الرد ليس نصًا صالحًا.",
    reason_html: "وصلت صفحة ويب بدلًا من البيانات.",
    reason_syntax: "البيانات تالفة (JSON أو XML غير صالح).",
    reason_schema: "البيانات ليست بالتنسيق المتوقع.",
    reason_unsupported: "البيانات بتنسيق لا تقرؤه هذه الأداة.",
    archive_title: "مقالات {month}",
    page_of: "الصفحة {page} من {pages}",
    previous: "السابق",
    next: "التالي",
    no_articles: "لم تُنشر أي مقالات في هذا الشهر.",
    no_trending: "لا توجد مقالات لعرضها.",
    older_years: "السنوات السابقة",
    articles_count: "عدد المقالات: {n}",
    skip_to_content: "الانتقال إلى المحتوى",
    weather_in: "الطقس في {city}",
    weather_clear: "سماء صافية",
    weather_mainly_clear: "صحو غالبًا",
    weather_partly_cloudy: "غائم جزئيًا",
    weather_overcast: "غائم كليًا",
    weather_fog: "ضباب",
    weather_drizzle: "رذاذ",
    weather_freezing_drizzle: "رذاذ متجمد",
    weather_rain: "مطر",
    weather_freezing_rain: "مطر متجمد",
    weather_snow: "ثلج",
    weather_snow_grains: "حبيبات ثلجية",
    weather_rain_showers: "زخات مطر",
    weather_snow_showers: "زخات ثلج",
    weather_thunderstorm: "عاصفة رعدية",
    weather_thunderstorm_hail: "عاصفة رعدية مع بَرَد",
    weather_unknown: "الطقس",
    sidebar: "المزيد من الأخبار",
    site_navigation: "الموقع",
};

pub static FA: Strings = Strings {
    trending_today: "پربازدیدترین‌های امروز",
    latest: "تازه‌ترین‌ها",
    featured: "برگزیده‌ها",
    archives: "بایگانی",
    advertisement: "آگهی",
    read_also: "بخوانید",
    watch_on: "تماشا در {provider}",
    watch: "تماشای ویدیو",
    listen_on: "شنیدن در {provider}",
    listen: "شنیدن",
    view_on: "مشاهده در {provider}",
    open_original: "باز کردن نسخهٔ اصلی",
    protected_notice: "این مقاله با گذرواژه محافظت شده است.",
    read_on_site: "آن را در وب‌سایت ناشر بخوانید",
    notes: "یادداشت‌ها",
    back_to_text: "بازگشت به متن",
    retry: "تلاش دوباره",
    min_read: "{n} دقیقه مطالعه",
    by: "نوشتهٔ",
    updated: "به‌روزرسانی: {date}",
    author: "نویسنده",
    more_from: "نوشته‌های دیگر {name}",
    tags: "برچسب‌ها",
    loading: "در حال بارگذاری…",
    loading_article: "در حال بارگذاری مقاله…",
    not_found_title: "صفحه پیدا نشد",
    not_found_text: "مقاله‌ای که دنبال آن هستید وجود ندارد یا جابه‌جا شده است.",
    front_page: "رفتن به صفحهٔ نخست",
    error_article: "بارگذاری این مقاله ممکن نشد.",
    error_trending: "بارگذاری مطالب پربازدید ممکن نشد.",
    error_archives: "بارگذاری بایگانی ممکن نشد.",
    error_listing: "بارگذاری مقاله‌های این ماه ممکن نشد.",
    error_config: "تنظیمات این ابزارک خبری درست نیست.",
    reason_not_found: "پیدا نشد.",
    reason_http: "سرور با کد وضعیت HTTP {status} پاسخ داد.",
    reason_network: "دسترسی به سرور ممکن نشد.",
    reason_timeout: "پاسخ سرور بیش از حد طول کشید.",
    reason_too_large: "پاسخ بیش از حد بزرگ بود.",
    reason_empty: "پاسخ خالی بود.",
    reason_encoding: "پاسخ متن معتبری نبود.",
    reason_html: "به جای داده، یک صفحهٔ وب دریافت شد.",
    reason_syntax: "داده‌ها آسیب دیده‌اند (JSON یا XML نامعتبر).",
    reason_schema: "داده‌ها در قالب مورد انتظار نیستند.",
    reason_unsupported: "داده‌ها در قالبی هستند که این ابزارک نمی‌خواند.",
    archive_title: "مقاله‌های {month}",
    page_of: "صفحهٔ {page} از {pages}",
    previous: "قبلی",
    next: "بعدی",
    no_articles: "در این ماه مقاله‌ای منتشر نشده است.",
    no_trending: "مقاله‌ای برای نمایش نیست.",
    older_years: "سال‌های پیشین",
    articles_count: "{n} مقاله",
    skip_to_content: "رفتن به محتوا",
    weather_in: "هوای {city}",
    weather_clear: "آسمان صاف",
    weather_mainly_clear: "بیشتر صاف",
    weather_partly_cloudy: "نیمه‌ابری",
    weather_overcast: "تمام‌ابری",
    weather_fog: "مه",
    weather_drizzle: "نم‌نم باران",
    weather_freezing_drizzle: "نم‌نم باران یخ‌زده",
    weather_rain: "باران",
    weather_freezing_rain: "باران یخ‌زده",
    weather_snow: "برف",
    weather_snow_grains: "دانه‌های برف",
    weather_rain_showers: "رگبار باران",
    weather_snow_showers: "رگبار برف",
    weather_thunderstorm: "توفان تندری",
    weather_thunderstorm_hail: "توفان تندری همراه با تگرگ",
    weather_unknown: "هوا",
    sidebar: "خبرهای بیشتر",
    site_navigation: "سایت",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_table_is_complete_with_matching_placeholders() {
        let english = EN.entries();
        assert!(english.len() >= 50, "{}", english.len());
        for lang in LANGS {
            let table = lang.strings().entries();
            assert_eq!(table.len(), english.len(), "{lang:?}");
            for ((name, text), (en_name, en_text)) in table.iter().zip(&english) {
                assert_eq!(name, en_name);
                assert!(!text.trim().is_empty(), "{lang:?}.{name} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(en_text),
                    "{lang:?}.{name}: placeholders differ"
                );
            }
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        // Words that are the same in some languages (e.g. "Archives" in French) are allowed,
        // but a table mostly identical to English is a copy-paste, not a translation.
        let english = EN.entries();
        for lang in [Lang::Es, Lang::Fr, Lang::De, Lang::Ar, Lang::Fa] {
            let same = lang
                .strings()
                .entries()
                .iter()
                .zip(&english)
                .filter(|((_, t), (_, e))| t == e)
                .count();
            assert!(same <= 3, "{lang:?} has {same} strings identical to English");
        }
    }

    #[test]
    fn a_texts_direction_is_its_first_letters() {
        assert_eq!(text_direction("بلينكن: دخلنا معاً"), "rtl");
        assert_eq!(text_direction("«بلینکن» ۱۴۰۰"), "rtl");
        assert_eq!(text_direction("שלום"), "rtl");
        assert_eq!(text_direction("2024: Blinken"), "ltr");
        assert_eq!(text_direction("“"), "ltr");
    }

    #[test]
    fn right_to_left_scripts_use_arabic_script_strings() {
        for lang in [Lang::Ar, Lang::Fa] {
            for (name, text) in lang.strings().entries() {
                assert!(
                    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "{lang:?}.{name} has no Arabic-script text"
                );
            }
        }
    }

    #[test]
    fn tags_choose_tables_and_direction() {
        assert_eq!(Lang::for_tag("fa-IR"), Lang::Fa);
        assert_eq!(Lang::for_tag("prs-AF"), Lang::Fa);
        assert_eq!(Lang::for_tag("es_ES"), Lang::Es);
        assert_eq!(Lang::for_tag("DE"), Lang::De);
        assert_eq!(Lang::for_tag("it"), Lang::En);
        assert_eq!(Lang::for_tag(""), Lang::En);
        assert!(is_rtl("ar-EG") && is_rtl("fa") && is_rtl("ps-AF") && is_rtl("he"));
        assert!(!is_rtl("en") && !is_rtl("fr-CA") && !is_rtl(""));
        assert_eq!(fill(EN.page_of, &[("page", "2"), ("pages", "5")]), "Page 2 of 5");
    }
}
