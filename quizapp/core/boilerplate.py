"""Lines of a page that are not the article's reporting: interface text, bylines, contact lines,
credits, datelines and timestamps.

Every rule is a general pattern seen on several news sites; its comment gives a general example.
`line_kind` judges a whole line (a paragraph, a list item or a sentence); `lead_length` finds a
dateline or a live-blog timestamp at the start of a paragraph, which is not part of its sentence.
"""

from __future__ import annotations

import re

# What a line that is not reporting is, as `line_kind` reports it.
BOILERPLATE = "boilerplate"
BYLINE = "byline"
CAPTION = "caption"

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
         rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})")
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|bst|utc|[ecmp][sd]?t))?"

# Whole lines of interface text. Each is matched against the whole line, case-insensitively (as one
# pattern: a line matches it whole when it matches one of them whole).
_INTERFACE = re.compile("|".join(rf"(?:{p})\W*" for p in (
    r"loading\b.{0,60}",                    # "Loading...", "Loading Photo Gallery", "Loading weather data …"
    r"advertisement|sponsored(?: content)?|skip (?:this )?ad|ad feedback",  # ad slots
    r"(?:print|e-?mail|tweet|share|comments?|permalink|reprints?|next|previous|close|menu|top)",  # tool bars
    r"\d+ comments?|comments? \(\d+\)|view comments|show comments|leave a comment",
    r"(?:click|tap) here\b.*",              # "Click here to search for this article"
    r"(?:read|see|learn|find out) more\b.{0,80}",  # "Read more: …", "Learn more about each of the planets:"
    r"(?:related|see also|also see|more on this|more from [\w .']+|recommended|most (?:read|popular|viewed)|"
    r"editor'?s? picks?|you (?:may|might) also like|further reading|additional resources|watch|listen|video|"
    r"photos?|gallery)(?:\s*:.*)?",         # "Related:", "Also see:", "WATCH:", "Related: Storm hits coast"
    r"trending(?: now| on \w[\w .']*)?(?:\s*:.*)?",   # "Trending On Our Site", a box of other stories
    r"(?:topics?|tags?|filed under|categories|posted in|sections?)\s*:.*",  # "Topics: Immigration, Economy"
    r"(?:sources?|notes?|data|chart|graphic|methodology)\s*:.*",  # chart sources and footnotes
    # "Updated: Dec. 27, 2014 4:03 p.m.", "Posted 3 hours ago"
    rf"\(?(?:updated|posted|published|last (?:updated|modified))(?: on| at)?:?\s*"
    rf"(?:{_DATE}|{_TIME}|an? \w+ ago|\d+ (?:minutes?|hours?|days?) ago).{{0,30}}",
    rf"{_DATE}(?:\s*(?:at\s+)?{_TIME})?",     # a date on its own line: "28 December 2014"
    rf"{_TIME}\s*\|?",                      # a live-blog timestamp alone: "12:03 pm |", "14.29 GMT"
    r"[|•·/\\-]+",                          # separators of a tool bar
    r"(?:©|copyright\b|\(c\) \d{4}).*|all rights reserved.*",
    r"(?:register|sign (?:up|in)|log ?in|subscribe|join)\b.{0,100}",  # "Register now for free, or sign in …"
    # "This article originally appeared on …", "This story was provided by …"
    r"this (?:article|story|post) (?:was |is |has been )?(?:originally |first )?"
    r"(?:appeared|published|posted|ran|provided|produced|written|updated)\b.*",
    r"original(?:ly)? (?:article|story|post)(?: appeared)? (?:on|at|in) .*",   # "Original article on Live Science."
    r"(?:comments are|keep it civil|by posting (?:a|your) comment|please (?:read|follow) our (?:community|comment)).*",
    r"(?:have|got) a (?:news )?tip\b.*|(?:send|share) (?:us )?your (?:photos|videos|story|stories|tips?)\b.*",
    r"(?:go to|back to) (?:top|home|the homepage).*",
)), re.I)

# Social-media prompts anywhere in a short line: "Follow us @site, Facebook & Google+."
_SOCIAL = re.compile(r"\b(?:follow|like|join|find|connect with|share)\b.{0,60}\b(?:twitter|facebook|instagram|"
                     r"google\+|linkedin|tiktok|youtube|pinterest|newsletter)\b|\bfollow (?:us|me|him|her|them)\b|"
                     r"\bfollow @\w+", re.I)
# Contact lines: "Contact the reporter at jdoe@paper.com or 503-555-0100.", "Email: news@paper.com"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")
_CONTACT = re.compile(r"^(?:contact|e-?mail|write to)\b|\b(?:on twitter|twitter:)\s*@", re.I)
# Bylines and sign-offs: "By Jo Reed and Sam Lee, Staff Writer", "-- Bryan Denson", "Staff writer Jo
# Reed contributed to this report.", "Additional reporting by Sam Lee; Editing by Ann Roe"
_BYLINE = re.compile(r"(?:[Bb]y|BY|[Ww]ords by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}"
                     r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’ -]{0,40}){0,3}\.?|"
                     r"(?:--|[—–-])\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\.?")
_CREDIT_LINE = re.compile(r".*\b(?:contributed (?:to )?(?:this )?(?:report|story|article)|additional reporting by|"
                          r"(?:writing|editing|reporting) by)\b.*", re.I)
# Photo credits and captions: "(AP Photo/Jo Reed)", "Photo: Jo Reed/Getty Images", "Photo courtesy Ann Roe",
# "LEEDS POLICE DEPT./CONTRIBUTED IMAGE", "Reuters/Jo Reed"
_CREDIT = re.compile(r"\b(?:AP|AFP|EPA|Reuters|Getty|Bloomberg|REUTERS)(?: Images)?(?: Photo)?\s*/|"
                     r"\b(?:photo|image|picture|illustration)s?\s*(?:courtesy|credit)\b|"
                     r"\b(?:photo|image)s? by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*\s*(?:/|\)|\.?$)|"
                     r"\bgetty images\b|/\s*(?:contributed|staff|file|handout)\s+(?:photo|image)|"
                     r"^(?:photo|image|picture|pictured|above|top|below|left|right|file photo)\s*:", re.I)
# Embedded posts: "NEW: the team lands pic.twitter.com/x1", "— Jo Reed (@joreed) December 27, 2014"
_EMBED = re.compile(r"pic\.twitter\.com/|^[—–-]\s*[^()]{1,60}\(@\w+\)")
# A box of teasers, each headline cut off: "Top Videos Gunman kills ei...Shanghai shocked after New ..."
_CUT_OFF = re.compile(r"\w ?(?:\.\.\.|…)(?=\s?[A-Z0-9'\"‘“])")
# Inline pointers to other stories: "… win by fifty. (RELATED: Flopping Is Ruining Basketball)"
INLINE_POINTER = re.compile(r"\s*[(\[](?:related|read more|see also|also read|watch|video|photos?|more)\s*:"
                            r"[^)\]]*[)\]]", re.I)

# A dateline opens a paragraph: "PORTLAND --", "PARIS —", "GREEN BAY, Wis. --", "NEW YORK (AP) —",
# "MUMBAI / MUMBAI (Reuters) -", "PERRIS:". Two capitals at least, so "A — " is not one.
# A wire's dateline may give the day too: "LONDON, March 11 (Reuters) -", "LIMA, 14 February -", and the
# province or state before it: "TOLLEY, Wessex Province, 19 August (Reuters) -".
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ /]+[A-Z][A-Z.'’-]*)*"
                       r"(?:,\s*(?:\d{1,2}\s)?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?(?:\s\d{1,2})?){0,2}"
                       r"\s*(?:\([^)]{1,40}\))?\s*(?:--|[—–-]|:)\s+(?=[\"“‘'(A-Z0-9])")
# A live-blog entry opens with its time: "14.29 Police have closed the road." "9:05 a.m. ET — The vote …"
_TIMESTAMP = re.compile(rf"{_TIME}\s*(?:--|[—–:|-])?\s+(?=[\"“‘A-Z])", re.I)


def line_kind(line: str) -> str | None:
    """What a line is when it is not reporting (BOILERPLATE, BYLINE or CAPTION), else None."""
    text = " ".join(line.split())
    if not text:
        return BOILERPLATE
    words = len(text.split())
    if _INTERFACE.fullmatch(text):
        return BOILERPLATE
    # (each search only where the characters it needs are there: "@", "...", an opening "(@")
    if (("pic.twitter.com/" in text or "(@" in text) and _EMBED.search(text)) or (
            ("..." in text or "…" in text) and len(_CUT_OFF.findall(text)) >= 2):
        return BOILERPLATE
    if words <= 40 and (_SOCIAL.search(text) or ("@" in text and _EMAIL.search(text)) or _PHONE.search(text)
                        or ((_CONTACT.match(text) or ("@" in text and _CONTACT.search(text))) and words <= 15)):
        return BOILERPLATE
    if (words <= 12 and _BYLINE.fullmatch(text)) or _CREDIT_LINE.fullmatch(text):
        return BYLINE
    if words <= 60 and _CREDIT.search(text):
        return CAPTION
    return None


def lead_length(paragraph: str) -> int:
    """How many characters at the start of a paragraph are its dateline or timestamp (0 if none)."""
    m = _DATELINE.match(paragraph) or _TIMESTAMP.match(paragraph)
    if m is None:
        return 0
    rest = paragraph[m.end():]
    return m.end() if len(rest.split()) >= 3 else 0
