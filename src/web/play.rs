//! Embeds that play in place (`data-play-embeds`, `core::player`): a click
//! on the link out puts the player where the link was. The entry points'
//! click listeners call `clicked` first.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent};

/// Puts the player in place of the embed link the reader clicked, if any;
/// `true` when the click was taken.
pub fn clicked(ev: &MouseEvent) -> bool {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return false;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("a[data-herald-play]").ok().flatten())
    else {
        return false;
    };
    let Some(player) = player_for(&link) else {
        return false;
    };
    if link.replace_with_with_node_1(&player).is_err() {
        return false;
    }
    ev.prevent_default();
    let _ = player.focus();
    true
}

/// The player a link asks for: the provider's frame (a sandbox that lets
/// it run its own player and open its own pages), or the browser's.
fn player_for(link: &Element) -> Option<HtmlElement> {
    let doc = link.owner_document()?;
    let kind = link.get_attribute("data-herald-play")?;
    let (tag, src) = match kind.as_str() {
        "frame" => ("iframe", link.get_attribute("data-herald-player")?),
        "video" | "audio" => (kind.as_str(), link.get_attribute("href")?),
        _ => return None,
    };
    let el: HtmlElement = doc.create_element(tag).ok()?.dyn_into().ok()?;
    let set = |name: &str, value: &str| {
        let _ = el.set_attribute(name, value);
    };
    set("class", &format!("hd-embed__player hd-embed__player--{kind}"));
    set("src", &src);
    if tag == "iframe" {
        let title = link.text_content().unwrap_or_default();
        set("title", title.trim());
        set(
            "allow",
            "autoplay; encrypted-media; fullscreen; picture-in-picture",
        );
        set("allowfullscreen", "");
        set("referrerpolicy", "strict-origin-when-cross-origin");
        set(
            "sandbox",
            "allow-scripts allow-same-origin allow-presentation allow-popups",
        );
    } else {
        set("controls", "");
        set("autoplay", "");
        set("preload", "metadata");
    }
    Some(el)
}
