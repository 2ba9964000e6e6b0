//! Where an embed can play in place, when the publisher allows it
//! (`data-play-embeds`, docs/embedding.md): a YouTube or Vimeo video in the
//! provider's player (YouTube's privacy-enhanced host), a video or audio
//! file in the browser's own player. Anything else stays a link out.

use super::article::{Embed, EmbedKind};
use super::url::{host, path, resolve, UrlUse};

/// How an embed plays in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Player {
    /// A frame of this address (the provider's player, starting at once).
    Frame(String),
    /// The browser's `<video>` of the embed's own URL.
    Video,
    /// The browser's `<audio>` of the embed's own URL.
    Audio,
}

/// Files the browser's players read, by extension.
const VIDEO_FILES: &[&str] = &["mp4", "m4v", "webm", "ogv", "mov"];
const AUDIO_FILES: &[&str] = &["mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac"];

/// The player for `embed`, if it has one.
pub fn player(embed: &Embed) -> Option<Player> {
    let url = embed.url.as_str();
    let host = host(url)?.trim_start_matches("www.").trim_start_matches("m.");
    let mut segments = path(url).split('/').filter(|s| !s.is_empty());
    let (first, second) = (segments.next().unwrap_or(""), segments.next());
    let youtube = match host {
        "youtube.com" | "youtube-nocookie.com" => match first {
            "watch" => query_value(url, "v"),
            "embed" | "shorts" | "live" => second,
            _ => None,
        },
        "youtu.be" => Some(first),
        _ => None,
    };
    // Built here from a checked identifier, and through the URL gate.
    let frame = |src: String| resolve(&src, &src, UrlUse::Link).map(Player::Frame);
    if let Some(id) = youtube.filter(|id| is_id(id, 64)) {
        return frame(format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"));
    }
    if host == "vimeo.com"
        && !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && first.len() <= 20
    {
        return frame(format!("https://player.vimeo.com/video/{first}?autoplay=1"));
    }
    if embed.provider.is_some() {
        return None;
    }
    let name = path(url).rsplit('/').next().unwrap_or("");
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match embed.kind {
        EmbedKind::Video if VIDEO_FILES.contains(&ext.as_str()) => Some(Player::Video),
        EmbedKind::Audio if AUDIO_FILES.contains(&ext.as_str()) => Some(Player::Audio),
        _ => None,
    }
}

/// An identifier safe in a path: letters, digits, `-` and `_`.
fn is_id(id: &str, max: usize) -> bool {
    !id.is_empty()
        && id.len() <= max
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The value of `name` in the query of `url`, as written.
fn query_value<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split('#').next()?.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed(kind: EmbedKind, url: &str, provider: Option<&str>) -> Embed {
        Embed {
            kind,
            url: url.to_string(),
            provider: provider.map(str::to_string),
            title: None,
            poster: None,
            caption: None,
            details: None,
        }
    }

    #[test]
    fn known_players_and_media_files_play_in_place() {
        let video = |url: &str, provider: Option<&str>| player(&embed(EmbedKind::Video, url, provider));
        let frame = |src: &str| Some(Player::Frame(src.to_string()));
        let yt = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1";
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=1",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=x",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ] {
            assert_eq!(video(url, Some("YouTube")), frame(yt), "{url}");
        }
        assert_eq!(
            video("https://vimeo.com/76979871", Some("Vimeo")),
            frame("https://player.vimeo.com/video/76979871?autoplay=1")
        );
        assert_eq!(
            video("https://news.example/media/clip.MP4", None),
            Some(Player::Video)
        );
        assert_eq!(
            player(&embed(EmbedKind::Audio, "https://news.example/ep.mp3?x=1", None)),
            Some(Player::Audio)
        );
    }

    #[test]
    fn anything_else_stays_a_link() {
        let video = |url: &str, provider: Option<&str>| player(&embed(EmbedKind::Video, url, provider));
        // An identifier that could break out of the path, or none at all.
        assert_eq!(
            video("https://www.youtube.com/watch?v=a%22b", Some("YouTube")),
            None
        );
        assert_eq!(
            video("https://www.youtube.com/watch?v=../x", Some("YouTube")),
            None
        );
        assert_eq!(video("https://www.youtube.com/watch", Some("YouTube")), None);
        assert_eq!(video("https://www.youtube.com/@channel", Some("YouTube")), None);
        assert_eq!(
            video("https://vimeo.com/channels/staffpicks", Some("Vimeo")),
            None
        );
        // Look-alike hosts are not the provider.
        assert_eq!(
            video("https://youtube.com.evil.test/watch?v=dQw4w9WgXcQ", None),
            None
        );
        assert_eq!(video("https://notvimeo.com/76979871", None), None);
        // Media files of another site's provider, other kinds, other files.
        assert_eq!(video("https://soundcloud.com/a/b.mp4", Some("SoundCloud")), None);
        assert_eq!(
            player(&embed(EmbedKind::Post, "https://news.example/a.mp4", None)),
            None
        );
        assert_eq!(
            player(&embed(EmbedKind::Audio, "https://news.example/a.mp4", None)),
            None
        );
        assert_eq!(video("https://news.example/page.html", None), None);
        assert_eq!(
            video(&format!("https://youtu.be/{}", "a".repeat(65)), Some("YouTube")),
            None
        );
    }
}
