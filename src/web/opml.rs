//! OPML import and export: the way feed readers hand subscriptions to each
//! other. Titles and folders (one level of outlines) survive the round trip.

use opml::{Body, Head, OPML, Outline};

/// A subscription as OPML carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: String,
    pub title: Option<String>,
    pub folder: Option<String>,
}

/// The feeds of an OPML document, in document order; nested outlines name
/// the folder (the innermost titled one).
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let doc = OPML::from_str(text).map_err(|err| format!("not a valid OPML file: {err}"))?;
    let mut out = Vec::new();
    for outline in &doc.body.outlines {
        walk(outline, None, &mut out);
    }
    Ok(out)
}

fn walk(outline: &Outline, folder: Option<&str>, out: &mut Vec<Entry>) {
    let name = outline
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(outline.text.as_str())
        .trim();
    if let Some(url) = outline.xml_url.as_deref().filter(|u| !u.trim().is_empty()) {
        out.push(Entry {
            url: url.trim().to_string(),
            title: (!name.is_empty()).then(|| name.to_string()),
            folder: folder.map(str::to_string),
        });
    }
    let inner = if name.is_empty() { folder } else { Some(name) };
    for child in &outline.outlines {
        walk(child, inner, out);
    }
}

/// An OPML 2.0 document of `entries`, grouped by folder in first-seen order.
pub fn write(entries: &[Entry]) -> Result<String, String> {
    let mut folders: Vec<Outline> = Vec::new();
    let mut top: Vec<Outline> = Vec::new();
    for entry in entries {
        let title = entry.title.clone().unwrap_or_else(|| entry.url.clone());
        let feed = Outline {
            text: title.clone(),
            title: Some(title),
            r#type: Some("rss".into()),
            xml_url: Some(entry.url.clone()),
            ..Outline::default()
        };
        match &entry.folder {
            None => top.push(feed),
            Some(name) => match folders.iter_mut().find(|f| &f.text == name) {
                Some(folder) => folder.outlines.push(feed),
                None => folders.push(Outline {
                    text: name.clone(),
                    title: Some(name.clone()),
                    outlines: vec![feed],
                    ..Outline::default()
                }),
            },
        }
    }
    folders.extend(top);
    let doc = OPML {
        version: "2.0".into(),
        head: Some(Head {
            title: Some("newsreader subscriptions".into()),
            ..Head::default()
        }),
        body: Body { outlines: folders },
    };
    doc.to_string().map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_titles_survive_a_round_trip() {
        let entries = vec![
            Entry {
                url: "http://127.0.0.1/a.xml".into(),
                title: Some("Alpha & Co".into()),
                folder: Some("Tech".into()),
            },
            Entry {
                url: "http://127.0.0.1/b.xml".into(),
                title: Some("Beta".into()),
                folder: None,
            },
            Entry {
                url: "http://127.0.0.1/c.xml".into(),
                title: Some("Gamma".into()),
                folder: Some("Tech".into()),
            },
        ];
        let text = write(&entries).unwrap();
        assert!(text.contains("version=\"2.0\""), "{text}");
        let mut back = parse(&text).unwrap();
        back.sort_by(|a, b| a.url.cmp(&b.url));
        assert_eq!(back, entries);
    }

    #[test]
    fn nested_outlines_name_the_folder() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline text="News"><outline text="World" type="rss" xmlUrl="http://127.0.0.1/w.xml"/></outline>
  <outline text="Loose" type="rss" xmlUrl="http://127.0.0.1/l.xml"/>
  <outline text="Empty folder"/>
</body></opml>"#;
        assert_eq!(
            parse(text).unwrap(),
            [
                Entry {
                    url: "http://127.0.0.1/w.xml".into(),
                    title: Some("World".into()),
                    folder: Some("News".into()),
                },
                Entry {
                    url: "http://127.0.0.1/l.xml".into(),
                    title: Some("Loose".into()),
                    folder: None,
                },
            ]
        );
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let err = parse("<html>nope</html>").unwrap_err();
        assert!(err.starts_with("not a valid OPML file"), "{err}");
    }
}
