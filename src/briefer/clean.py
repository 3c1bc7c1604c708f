"""Boilerplate removal for scraped article text, line by line.

A page copied or scraped from a news site holds the article between menus, ad slots, share
buttons, newsletter boxes, trending lists and comments. :func:`clean_article` decides for every
line whether it is body or boilerplate and why, reads the header metadata (see
:mod:`briefer.metadata`), and returns the body paragraphs with the lines kept verbatim.

The classifier is jusText's idea applied to plain text lines: a line is first judged alone
(length, stop-word density, sentence-final punctuation), then short and borderline lines take
the class of the good or bad lines around them. Rules catch what the numbers cannot: ad slots,
menus, slugs, share and newsletter lines, captions, date lines, and the trending or related
lists that follow the article (from their heading on, everything is boilerplate).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefer.metadata import find_header, is_date_only
from briefer.models import CleanArticle, LineDecision, Metadata, RawArticle
from briefer.typography import TYPOGRAPHIC, plain, word_table

from .patterns import compiled

logger = logging.getLogger(__name__)

__all__ = ["clean_article", "detect_stoplist"]

# jusText's thresholds, tuned for lines of plain text (no link density to lean on)
#: a document whose first paragraph of prose starts within this many lines (blank ones
#: included) has only header above it: a letterhead, a headline, a date line
HEADER_LINES = 16
#: a paragraph before a good one with this many words and at least this share of stop words
#: is body text, though jusText's own threshold (STOPWORDS_LOW) calls it boilerplate
DENSE_PROSE_WORDS = 15
DENSE_PROSE_STOPWORDS = 0.15
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"

_WORD = compiled(r"\w+")
#: plain text's word characters, lower-cased (see :func:`_words`)
_WORD_CHARACTERS = word_table(string.digits + "_")
#: what ends a sentence, and the closing marks that may follow it
_STOPS = tuple(".!?…。！？")
_CLOSERS = "\"'”’»)]"


def _terminal(text: str) -> bool:
    """Whether ``text`` ends a sentence: a full stop, question or exclamation mark (then
    closing quotes or brackets), or a closing quotation mark, white space aside."""
    end = text.rstrip()
    return end.endswith(("\"", "”", "’", "»")) or end.rstrip(_CLOSERS).endswith(_STOPS)
_CONTINUES = compiled(r"[,;:\-–—(]\s*$")

_SHORT_WORDS = 12
#: a text of at most this many lines whose classes keep nothing keeps its prose lines …
SHORT_TEXT_BLOCKS = 10
#: … when they hold this many words in all (each line half as many at least)
MIN_SHORT_TEXT_WORDS = 12
PROSE_WORDS = 8  # a short last paragraph this long, a sentence of prose, stays (see _decide)
# words a sentence cannot end on: a line ending on one is wrapped
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "nor", "as", "than", "that", "which", "who", "whose", "into", "onto", "upon", "his",
    "her", "its", "their", "our", "your", "my", "this", "these", "those", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "not", "no",
})
_NEVER_TITLE = frozenset({
    "ad slot", "share/newsletter", "caption", "read more", "slug", "link", "cookie banner",
    "credits", "tags", "comments", "footer", "menu", "top bar", "section label", "end mark",
    "author bio", "contact details",
})
_INLINE_CHROME = frozenset({
    "ad slot", "share/newsletter", "caption", "read more", "slug", "date line", "comments",
    "link", "cookie banner", "credits", "tags",
})
_CJK = compiled(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PROSE = compiled(r"[、。，]")

_AD = compiled(
    r"^\W*(?:double\s*click|google\s*ads?|ad(?:vertisement|vertising|vert)?s?|sponsored"
    r"(?:\s+(?:content|links?|stories|posts?|by\b.*))?|promoted(?:\s+(?:content|stories|by\b.*))?"
    r"|paid\s+(?:content|post|partnership)|partner\s+content|story\s+continues\s+below.*"
    r"|continue\s+reading\s+(?:below|the\s+main\s+story)|scroll\s+(?:down\s+)?to\s+continue.*"
    r"|article\s+continues\s+(?:below|after).*|content\s+continues\s+below.*)\W*$",
    re.I,
)
_AD_SIZE = compiled(r"\b\d{2,4}\s*[x×]\s*\d{2,4}\b")
_SHARE = compiled(
    r"(?=[bcdefgijlmnoprstw])"  # (?=…): the characters a match can start with
    r"\b(?:share(?:\s+(?:this|on|via|the|article|story|post))?|shares|tweet|whatsapp|facebook"
    r"|twitter|linkedin|pinterest|reddit|telegram|e-?mail|print|copy\s+link|copy\s+url"
    r"|get\s+short\s+url|follow\s+(?:us|\w+\s+on)|subscribe[ds]?|subscription|newsletters?"
    r"|sign\s*-?\s*up|signup|log\s*-?\s*in|sign\s+in|register|join\s+(?:our|group|us|the|now)"
    r"|get\s+(?:exclusive|the\s+latest|our|unlimited|full\s+access)|by\s+email|inbox|notifications?"
    r"|download\s+(?:the\s+|our\s+)?(?:\w+\s+){0,3}app|like\s+us|rss|bookmark|save\s+(?:article|story)"
    r"|gift\s+(?:this\s+)?article|listen\s+to\s+(?:this\s+)?(?:article|story)|font\s+size|text\s+size"
    r"|whatsapp\s+channel|google\s+news|members?\s+only|stumbleupon|flipboard|tumblr|messenger"
    r"|opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)|comments?\s+count|min(?:ute)?s?\s+read"
    r"|reading\s+time)\b",
    re.I,
)
_COMMENT = compiled(
    r"^\W*(?:\d+\s+(?:comments?|responses?|replies|reactions?)|comments?(?:\s*\(\d+\))?|leave\s+a\s+"
    r"(?:comment|reply|feedback)\b.*|add\s+(?:a\s+|your\s+)?comment.*|post\s+(?:a\s+)?comment|view"
    r"\s+(?:all\s+)?comments|show\s+comments|load\s+(?:more\s+)?comments|user\s+avatar|reply|report"
    r"(?:\s+abuse)?|about:?|log\s*in\s+to\s+(?:comment|reply).*|be\s+the\s+first\s+to\s+comment.*"
    r"|join\s+the\s+(?:conversation|discussion)|discussion|conversation|comment\s+policy|cancel"
    r"\s+reply|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are"
    r"\s+marked.*|like|dislike|upvote|downvote|\d+\s+(?:likes?|points?))\W*$",
    re.I,
)
_COOKIE = compiled(r"(?=[c])\bcookies?\b", re.I)  # (?=…): see _SHARE
_COOKIE_CONTEXT = compiled(
    r"(?=[abcepsu])"  # (?=…): the characters a match can start with
    r"\b(?:use|uses|using|accept|consent|policy|settings|browsing|agree|preferences|experience)\b",
    re.I,
)
_CAPTION = compiled(
    r"^\W*(?:photo|image|picture|pic|caption|credit|photograph|file\s+photo|image\s+copyright"
    r"|image\s+caption|media\s+caption|image\s+source|illustration|graphic|video|watch|listen"
    r"|gallery|slideshow|infographic)s?(?:\s+credit)?\s*[:|/]"
    r"|^\W*(?:image\s+copyright|image\s+caption|media\s+caption|image\s+source|getty\s+images"
    r"|file\s+photo|representational\s+image|representative\s+image)\b"
    r"|©|\((?:photo|image|pic|picture|file|video|credit|source)(?:\s+credit)?\s*[:/][^)]*\)\W*$"
    r"|\b(?:AP|AFP|Reuters|EPA|Xinhua|PTI|ANI|IANS)\s+(?:photo|images?|video)\b"
    r"|(?:getty\s+images|shutterstock|istock(?:photo)?|afp\s+via\s+getty)\W*$"
    r"|\|\s*photo\s+credit\b|\b(?:photo|image|picture|video|photograph)s?(?:\s+credit)?\s*:\s*"
    r"[\w .,'’/&-]{2,60}[)*_\]]*\s*$"
    # a credit after a dash ends the line: "… where the plant is to be built. — File photo",
    # "— AFP/File", "— Photo courtesy Sindh government", "— Screengrab"
    r"|\s[—–]\s*(?:(?:[a-z.]+\s*/\s*)?file(?:\s+(?:photo|image))?|(?:photos?|images?)"
    r"(?:\s*(?::|by|courtesy)\s*[\w .,'’&/-]{1,40})?|courtesy\s+[\w .,'’&/-]{1,40}"
    r"|screen\s*-?grab)\W*$"
    # a bracketed credit ends the line: "[File: Reuters]", "[Anushree Fadnavis/Reuters]"
    r"|\[(?:(?:file|photo|image)\s*:[^\]]{1,60}|[^\]]{0,60}/\s*(?:reuters|ap|afp|epa|getty"
    r"\s+images|anadolu|bloomberg|ani|pti)|reuters|ap|afp|epa|courtesy\b[^\]]{0,60})\]\W*$",
    re.I,
)
#: in ASCII text (© and the dashes are not ASCII), every match of _CAPTION holds one of these
#: words anywhere, or opens with one of the next (after punctuation): a quick test first
_CAPTION_WORDS = (
    "photo", "image", "picture", "video", "getty", "shutterstock", "istock", "[", "(pic",
    "(file", "(credit", "(source",
    "\u2013", "\u2014",  # the en and em dashes before a credit (in text that is plain, not ASCII)
)
_CAPTION_OPENINGS = (
    "pic", "caption", "credit", "file", "media", "illustration", "graphic", "infographic",
    "watch", "listen", "gallery", "slideshow", "representa",
)
#: what ``^\W*`` passes over in lower-cased plain text (:func:`~briefer.typography.plain`)
_PLAIN_NOT_WORD = TYPOGRAPHIC + "".join(
    chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")
)


def _may_be_caption(lowered: str | None) -> bool:
    """False when a line cannot match _CAPTION (``lowered``: see :func:`_may_match`)."""
    return (
        lowered is None
        or any(word in lowered for word in _CAPTION_WORDS)
        or lowered.lstrip(_PLAIN_NOT_WORD).startswith(_CAPTION_OPENINGS)
    )


_READ_MORE = compiled(
    r"^\W*(?:read\s+more|also\s+read|read\s+also|read\s+next|must\s+read|see\s+also|related"
    r"(?:\s+(?:articles?|stories|news|posts?|content|coverage|reading|links?|topics?))?|more"
    r"|watch|listen|recommended|suggested|don'?t\s+miss|trending|latest|also\s+see|also\s+on"
    r"\s+\S+|more\s+from\s+\S+|read|explained|opinion|analysis|live|video|photos?)\s*[:>»|\-–—]"
    r"|^\W*(?:click|tap|press)\s+here\b|^\W*(?:read|continue\s+reading)\s+(?:the\s+)?(?:full|more"
    r"|original|complete)\b|^\W*(?:read|see|watch)\s+(?:more|also)\b",
    re.I,
)
_FOOTER = compiled(
    r"^\W*(?:copyright|©|\(c\)\s*\d{4})|all\s+rights\s+reserved|\b(?:privacy\s+policy|terms\s+"
    r"(?:of|and|&)\s+(?:use|service|conditions)|contact\s+us|about\s+us|advertise\s+with\s+us"
    r"|careers|sitemap|site\s+map|editorial\s+policy|code\s+of\s+ethics|disclaimer|cookie\s+policy"
    r"|accessibility|corrections\s+policy|work\s+with\s+us|back\s+to\s+top|skip\s+to"
    r"(?:\s+main)?\s+content|go\s+to\s+top)\b",
    re.I,
)
_CREDITS = compiled(
    r"^\W*\(?\s*(?:(?:additional\s+)?reporting\s+by|editing\s+by|writing\s+by|compiled\s+by"
    r"|edited\s+by|with\s+inputs?\s+from|inputs?\s+from|(?:source|sources|via)\s*:)\b",
    re.I,
)
#: a promotion that opens with its call to action ("Sign up for our newsletter to …")
_PROMO = compiled(
    r"^\W*(?:sign\s*-?\s*up|subscribe|register|download|follow\s+us|join\s+(?:us|our)|donate"
    r"|get\s+(?:our|the)\s+(?:free\s+)?(?:newsletter|app)"
    # "Like Karachi on Facebook, follow @ETKarachi on Twitter to receive all updates …"
    r"|like\s+(?:[\w&'’.-]+\s+){1,4}on\s+facebook\b.*\bfollow|follow\s+@\w+)\b",
    re.I,
)
_PROMO_OBJECT = compiled(
    r"(?=[acefimnpstu])"  # (?=…): the characters a match can start with
    r"\b(?:newsletters?|app|inbox|e-?mail|alerts?|podcasts?|members?(?:ship)?|subscription"
    r"|updates|channel|free|today|every\s+(?:morning|weekday|day|week|thursday|friday))\b",
    re.I,
)
#: a site's line of links to its own news: "Get Latest India News along with Latest News and
#: Top Headlines from India and around the world.", "Catch all the Business News, Market News,
#: Breaking News Events and Latest News Updates on …"
_NEWS_PLUG = compiled(
    r"^\W*(?:get|catch)\s+(?:all\s+the\s+|the\s+)?[\w ,&-]{0,60}\bnews\b.{0,150}"
    r"\b(?:headlines|updates|news)\b",
    re.I,
)
#: a plea for money, members or followers ("Support for X comes from listeners like you",
#: "For the latest news, follow us on Twitter @…, like us on Facebook …")
_APPEAL = compiled(
    r"(?=[bcdfls])"  # (?=…): the characters a match can start with
    r"\b(?:become\s+a\s+(?:member|subscriber|supporter|patron)|comes\s+from\s+(?:listeners"
    r"|readers|viewers)\s+like\s+you|donate\s+(?:now|today)|support\s+(?:our|independent|local)"
    r"\s+journalism|follow\s+us\s+on|like\s+us\s+on|subscribe\s+to\s+our\s+(?:\w+\s+)?channel)\b",
    re.I,
)
#: a word every match of _APPEAL holds (in ASCII text)
_APPEAL_WORDS = ("become", "comes", "donate", "journalism", "follow", "like", "subscribe")
_EMAIL = compiled(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: an author's note: who they are and how to reach them
_BIO = compiled(
    r"\b(?:covers|writes\s+about|reports\s+on|tips?\s*:|is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:reporter|correspondent|editor|writer|journalist))\b",
    re.I,
)
_FOOTER_START = compiled(
    r"^\W*(?:copyright\b|©|\(c\)\s*\d{4})|\ball\s+rights\s+reserved\b"
    r"|\b(?:republication|redistribution)\b.*\bprohibited\b",
    re.I,
)

#: a word every match of _FOOTER_START holds (in ASCII text)
_FOOTER_START_WORDS = ("copyright", "(c)", "rights", "republication", "redistribution")

#: the marks that end a press release or wire story ("ENDS", "###", "-30-")
_END_MARK = compiled(
    r"^\s*(?:#{3}|-\s*30\s*-|\*{3})\s*$|^\W*(?:ends?|end\s+of\s+(?:release|statement|text))\W*$",
    re.I,
)
_CONTACT = compiled(
    r"^\W*(?:(?:media|press|news\s*desk)\s+(?:contacts?|enquiries|inquiries|office)\b"
    r"|(?:for\s+(?:further|more)\s+(?:information|details)|for\s+(?:media|press)\s+(?:queries"
    r"|enquiries|inquiries)|contacts?)\b.*(?:@|\+?\d[\d\s()-]{6,}))",
    re.I,
)
_TAGS = compiled(
    r"^\W*(?:tags?|tagged(?:\s+with)?|topics?|filed\s+under|categor(?:y|ies)|keywords|posted\s+in"
    r"|more\s+on|in\s+this\s+(?:article|story))\s*:",
    re.I,
)
_SLUG = compiled(r"^/?[a-z0-9]+(?:[-_][a-z0-9]+){3,}/?(?:\.html?)?$")
_URL = compiled(
    r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|in|pk|co\.uk|html?)(?:/\S*)?$", re.I
)
_TEMPERATURE = compiled(
    r"(?<![\w.])-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|(?<![\w.])-?\d+(?:\.\d+)?\s*[cCfF](?=\s|,|$)|°"
)
_TOP_BAR_WORDS = compiled(
    r"\b(?:weather|sunrise|sunset|humidity|e-?paper|today'?s\s+paper|epaper)\b", re.I
)
_MENU_SEP = compiled(r"\s(?:[|›»>/•·]|::)\s|^(?:home|start)\s*[|›»>/]", re.I)
_CUTOFF = compiled(
    r"^\W*(?:trending(?:\s+(?:news|now|stories|topics|articles|videos?|in\s+\w+))?|top\s+stories"
    r"|top\s+news|most\s+(?:read|popular|viewed|shared|watched|commented|recent)(?:\s+\w+)?"
    r"|related(?:\s+(?:articles?|stories|news|posts?|content|coverage|reading|links|videos?"
    r"|topics?|items))?|more\s+(?:from|on|in|about|stories|news|articles|videos|like\s+this"
    r"|to\s+read|to\s+explore)(?:\s+[\w.&'’-]+){0,4}|you\s+(?:may|might)\s+(?:also\s+)?(?:like"
    r"|enjoy|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|reading|articles|videos))?"
    r"|read\s+next|what\s+to\s+read\s+next|up\s+next|popular(?:\s+(?:now|posts|stories|news|"
    r"articles))?|latest(?:\s+(?:news|stories|articles|posts|videos|updates|from\s+\S+))?"
    r"|editor'?s?\s+picks?|don'?t\s+miss|further\s+"
    r"reading|more\s+stories|(?:from\s+)?around\s+the\s+web|sponsored\s+(?:stories|links|content)"
    r"|promoted\s+(?:stories|links|content)|in\s+case\s+you\s+missed"
    r"\s+it|in\s+other\s+news|elsewhere\s+on\s+\S+|read\s+more\s+(?:stories|news|about\s+.+)"
    r"|share\s+this\s+(?:article|story|post)|tags?|topics?|filed\s+under|related\s+topics"
    r"|about\s+the\s+author|author\s+profile|more\s+by\s+this\s+author)\W*$",
    re.I,
)
# the comments start: whatever follows is readers' text, however much of it there is
_COMMENTS_START = compiled(
    r"^\W*(?:comments|(?:\d+|no|one|two|three)\s+(?:responses?|replies|thoughts\s+on\b.*)"
    r"|readers'?\s+comments|what\s+(?:readers|people)\s+(?:are\s+)?say(?:ing)?)\W*$|^\W*leave\s+a\s+(?:reply|comment|feedback)(?:\s+about\s+this)?\W*$"
    r"|^\W*(?:join|start)\s+the\s+(?:conversation|discussion)\W*$|^\W*(?:add|post|write)\s+"
    r"(?:a|your)\s+comment\W*$|^\W*(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments\W*$"
    r"|^\W*comments\s+(?:are\s+closed|policy)\b",
    re.I,
)
# "Jane on September 17, 2018 at 6:34 am said:", "John Roe says:"; and a comment whose
# header shares its line: "At 10:14 am on 28 May 2010, pzero wrote: I think …" (a clock time,
# a year and a short name that wrote, commented or replied: news prose says "said")
_COMMENT_HEADER = compiled(
    r"^.{1,80}?\s(?:says|said|wrote|commented|replied)\s*:\s*$|^.{1,60}\s+on\s+.{4,40}\d"
    r"\s*(?:at\s+\d\d?[:.]\d\d\s*(?:[ap]\.?m\.?)?)\s*(?:said|says|wrote)?\s*:?\s*$"
    r"|^\W*(?:at|on)\s(?=[^,]{0,50}\b\d\d?[:.]\d\d\b)(?=[^,]{0,50}\b(?:19|20)\d\d\b)[^,:]{0,30}"
    r"(?::\d\d[^,:]{0,40})?\s*,\s*[^\s,:]+(?:\s[^\s,:]+){0,2}\s(?:wrote|commented|replied)\s*:",
    re.I,
)
_ANY_DIGIT = compiled(r"\d")


def _is_comment_header(text: str) -> bool:
    """Whether ``text`` opens like a comment (:data:`_COMMENT_HEADER`). Each of its forms holds
    a colon or a digit, so text with neither is passed at once (most lines of prose)."""
    return (":" in text or _ANY_DIGIT.search(text) is not None) and bool(
        _COMMENT_HEADER.match(text)
    )


#: a comment section's house rules: "The BBC may edit your comments and not all emails will
#: be published", "Comments are moderated", "Letters may be edited for length"
_COMMENT_POLICY = compiled(
    r"\b(?:may|will|can|reserve\s+the\s+right\s+to)\s+(?:edit|moderate|remove|publish)\s+"
    r"(?:your|all|readers'?)\s+(?:comments?|emails?|posts?)\b|(?:^\W*|\b(?:all|your|readers'?)\s+)"
    r"(?:comments?|emails?|posts?|letters?)\s+(?:are|will\s+(?:not\s+)?be|may\s+(?:not\s+)?be)"
    r"\s+(?:published|edited"
    r"|moderated|reviewed|removed)\b",
    re.I,
)
#: a press release's boilerplate starts under "About the Ministry", "About Acme Inc.", "About Us"
_ABOUT_ORGANISATION = compiled(
    r"^\W*About\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|for|&)){0,6}\W*$"
)
_CUTOFF_BEFORE_WORDS = 60
_COMMENTS_BEFORE_WORDS = 40
CUTOFF_LOOKAHEAD = 8  # blocks looked at after a "Related" heading for the article going on
HEADLINE_WORDS = 5
MAX_HEADLINE_WORDS = 16
_SENTENCE_INSIDE = compiled(r"\w[.!?][\"'”’]?\s+[A-Z\"“]")
DROP_SUBHEADINGS = True


@dataclass(frozen=True)
class _Line:
    """One line and what the classifier measures on it."""

    index: int
    text: str
    length: int
    words: int
    stop_density: float
    terminal: bool


# ---------------------------------------------------------------------------------------------
# stop words


@functools.lru_cache(maxsize=1)
def _stoplist_files() -> dict[str, Path]:
    """jusText's stop-list files, by name in sorted order (empty: no files).

    They are read straight from the installed package, without importing ``justext`` (which
    imports lxml.html and urllib: 0.06 s before the workers can start), each when its list
    is first asked for and decoded at once rather than line by line: English text, most of a
    newsroom's, needs the English list alone, and the index of all the lists' words
    (:mod:`briefer.stop_index`).
    """
    import importlib.util

    spec = importlib.util.find_spec("justext")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    files = {
        path.stem: path
        for folder in folders
        for path in Path(folder, "stoplists").glob("*.txt")
    }
    return {name: files[name] for name in sorted(files)}


@functools.cache
def _stoplist_text(name: str) -> str:
    """The file of jusText's list ``name``, lower-cased."""
    return _stoplist_files()[name].read_bytes().decode("utf8").lower()


@functools.cache
def _named_stoplist(name: str) -> frozenset[str] | None:
    """jusText's stop list called ``name`` ("English"), the set ``justext.get_stoplist``
    gives; None when there is none."""
    files = _stoplist_files()
    if not files:  # pragma: no cover - a package without its data files
        import justext

        return justext.get_stoplist(name) if name in justext.get_stoplists() else None
    return frozenset(_stoplist_text(name).splitlines()) if name in files else None


@functools.lru_cache(maxsize=1)
def _all_stoplists() -> dict[str, frozenset[str]]:
    """Every jusText stop list, by name in sorted order."""
    files = _stoplist_files()
    if not files:  # pragma: no cover - a package without its data files
        import justext

        return {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}
    return {name: _named_stoplist(name) or frozenset() for name in files}


def stoplist(language: str) -> frozenset[str]:
    """jusText's stop words for ``language`` ("french"), empty when it has no list."""
    return _named_stoplist(language.capitalize()) or frozenset()


@functools.lru_cache(maxsize=1)
def _holders_of() -> Callable[[str], tuple[str, ...]]:
    """word → the names of the lists holding it, in name order (none: a stop word in no
    language): the shipped index (:mod:`briefer.stop_index`) when the installed lists are the
    ones it was made from, else the lists themselves, read."""
    from .stop_index import load

    found = load(_stoplist_files()) if _stoplist_files() else None
    if found is not None:
        return found.holders
    lists = _all_stoplists()

    @functools.lru_cache(maxsize=200_000)
    def holders(word: str) -> tuple[str, ...]:
        return tuple(name for name, words in lists.items() if word in words)

    return holders


def detect_stoplist(lines: Sequence[str], *, language: str | None = None) -> frozenset[str]:
    """The stop words of the text's language (jusText's lists), guessed from the words when
    ``language`` is not given; English wins near-ties."""
    english = _named_stoplist("English") or frozenset()
    holders = _holders_of()  # loaded here, so that warming up loads it once
    if language:
        chosen = _named_stoplist(language.capitalize())
        if chosen is not None:
            return chosen
        logger.debug("no stop-word list for %r: guessing the language", language)
    sample: list[str] = []
    for line in lines:
        if len(line) > 40:
            sample += _words(line)
        if len(sample) > 600:
            break
    if not sample:
        return english
    counts = Counter(sample)
    in_english = sum(count for word, count in counts.items() if word in english)
    # (the English words are in the lists: only the others are looked up)
    others = sum(
        count for word, count in counts.items() if word not in english and holders(word)
    )
    if in_english >= 0.8 * (in_english + others):
        # no list can score more than the stop words of all lists together: English wins
        # without counting each list (most articles; the same answer as the full count)
        return english
    # each list's words met in the sample (ties go to the first name in order)
    scores = dict.fromkeys(_stoplist_files() or _all_stoplists(), 0)
    for word, count in counts.items():
        for name in holders(word):
            scores[name] += count
    best = max(scores, key=lambda name: scores[name])
    if scores["English"] >= 0.8 * scores[best]:
        return english
    return _named_stoplist(best) or frozenset()


# ---------------------------------------------------------------------------------------------
# rules


def _words(text: str) -> list[str]:
    """``text``'s words, lower-cased: ``_WORD.findall(text.lower())``, three times faster for
    plain text (ASCII but for typographic characters, which are no word characters)."""
    if plain(text):
        return text.translate(_WORD_CHARACTERS).split()
    return _WORD.findall(text.lower())


def _measure(index: int, text: str, stoplist: frozenset[str]) -> _Line:
    stripped = text.strip()
    words = _words(stripped)
    stops = sum(map(stoplist.__contains__, words))
    length = len(stripped)
    density = stops / len(words) if words else 0.0
    ideographs = 0 if stripped.isascii() else len(_CJK.findall(stripped))
    if ideographs > 0.3 * length:
        # Chinese and Japanese: no spaces, no stop-word lists; a character carries about
        # three Latin letters' worth, and prose has commas and full stops
        length += 2 * ideographs
        density = STOPWORDS_HIGH if _CJK_PROSE.search(stripped) else 0.0
    return _Line(
        index=index,
        text=stripped,
        length=length,
        words=len(words) if ideographs <= 0.3 * len(stripped) else max(1, ideographs // 2),
        stop_density=density,
        terminal=_terminal(stripped),
    )


def _is_menu(line: _Line) -> bool:
    """A row of capitalised link labels: "Political NEWS Legislative Corner Celebstreet"."""
    if line.terminal or line.words < 3 or line.length > 140:
        return False
    if _MENU_SEP.search(line.text):
        parts = re.split(r"\s*[|›»>/•·]\s*", line.text)
        if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
            return True
    if line.stop_density > 0.0 or re.search(r"[,;:\"“”‘’()?!]", line.text):
        return False
    tokens = line.text.split()
    return len(tokens) >= 4 and all(t[:1].isupper() or not t[:1].isalpha() for t in tokens)


def _may_match(lowered: str | None, words: tuple[str, ...]) -> bool:
    """False when a line cannot match a pattern whose every match holds one of ``words``.

    ``lowered`` is the line lower-cased (:func:`_lowered_plain`), None when it is not ASCII
    but for typographic characters (:func:`~briefer.typography.plain`). Substring tests
    are many times faster than the case-insensitive pattern; other text always goes to the
    pattern (its case folding knows letters such as 'ſ' and 'K'). A pattern naming one of the
    typographic characters lists it among its ``words``."""
    return lowered is None or any(word in lowered for word in words)


def _lowered_plain(text: str) -> str | None:
    return text.lower() if plain(text) else None


def _rule(line: _Line) -> str | None:
    """The boilerplate a line is by its form alone, or None."""
    text = line.text
    lowered = _lowered_plain(text)  # for the _may_match tests below, made once
    short = line.words <= _SHORT_WORDS
    headline_like = line.words <= 25 and not line.terminal
    if _AD.match(text) or (line.words <= 6 and _AD_SIZE.search(text)):
        return "ad slot"
    if (
        line.words <= 80
        and _may_match(lowered, ("cookie",))
        and _COOKIE.search(text)
        and _COOKIE_CONTEXT.search(text)
    ):
        return "cookie banner"
    if _SLUG.match(text):
        return "slug"
    if _URL.match(text):
        return "link"
    if (line.words <= 15 and _TEMPERATURE.search(text)) or (
        line.words <= 5 and _TOP_BAR_WORDS.search(text)
    ):
        return "top bar"
    if line.words <= 30 and _PROMO.match(text) and _PROMO_OBJECT.search(text):
        return "share/newsletter"
    if line.words <= 40 and (
        (_may_match(lowered, _APPEAL_WORDS) and _APPEAL.search(text)) or _NEWS_PLUG.match(text)
    ):
        return "share/newsletter"
    if line.words <= 40 and "@" in text and _EMAIL.search(text) and _BIO.search(text):
        return "author bio"
    if line.words <= 60 and _may_match(lowered, _FOOTER_START_WORDS) and _FOOTER_START.search(text):
        return "footer"
    if _END_MARK.match(text):
        return "end mark"
    if line.words <= 40 and _CONTACT.match(text):
        return "contact details"
    if is_date_only(text):
        return "date line"
    if _COMMENT.match(text) or (
        line.words <= 30
        and _may_match(lowered, ("comment", "email", "letter", "post"))
        and _COMMENT_POLICY.search(text)
    ):
        return "comments"
    if (line.words <= 8 or headline_like) and _SHARE.search(text):
        return "share/newsletter"
    if line.words <= 60 and _may_be_caption(lowered) and _CAPTION.search(text):
        return "caption"
    if (short or headline_like) and _READ_MORE.match(text):
        return "read more"
    if line.words <= 40 and _CREDITS.match(text):
        return "credits"
    if not line.terminal and _TAGS.match(text):
        return "tags"
    if (short or headline_like) and _FOOTER.search(text):
        return "footer"
    if _is_menu(line):
        return "menu"
    if text.isupper() and line.words <= 6 and not line.terminal:
        return "section label"
    return None


# ---------------------------------------------------------------------------------------------
# classification


def _classify(line: _Line) -> str:
    """jusText's context-free class of a line."""
    if line.length < LENGTH_LOW:
        return SHORT
    if line.stop_density >= STOPWORDS_HIGH:
        cls = GOOD if line.length > LENGTH_HIGH else NEARGOOD
    elif line.stop_density >= STOPWORDS_LOW:
        cls = NEARGOOD
    else:
        return BAD
    if not line.terminal and cls == GOOD:
        cls = NEARGOOD
    return cls


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c in (GOOD, BAD) or (c == NEARGOOD and not ignore_neargood):
            return c
        j += step
    return BAD


def _is_closing_prose(line: _Line) -> bool:
    """A short line that reads as one whole sentence of prose: a capital first, a full stop
    last, eight words or more, dense in stop words."""
    text = line.text.rstrip("\"'”’)")
    return (
        text.endswith(".")
        and not text.endswith("..")
        and line.text[:1].isupper()
        and line.words >= PROSE_WORDS
        and line.stop_density >= STOPWORDS_HIGH
        and len(_SENTENCE_INSIDE.findall(line.text)) == 0
    )


def _revise(classes: list[str]) -> list[str]:
    """jusText's context rules: short and near-good lines take the class of their neighbours.

    (jusText's rule for headings is left out: plain text does not say which lines are headings,
    and lines that are not sentences are dropped from the body anyway.)
    """
    out = list(classes)
    revised = list(out)
    for i, c in enumerate(out):
        if c != SHORT:
            continue
        prev = _neighbour(out, i, -1, True)
        nxt = _neighbour(out, i, 1, True)
        if prev == nxt == GOOD:
            revised[i] = GOOD
        elif prev == nxt == BAD:
            revised[i] = BAD
        elif (prev == BAD and _neighbour(out, i, -1, False) == NEARGOOD) or (
            nxt == BAD and _neighbour(out, i, 1, False) == NEARGOOD
        ):
            revised[i] = GOOD
        else:
            revised[i] = BAD
    out = revised
    for i, c in enumerate(out):
        if c != NEARGOOD:
            continue
        prev = _neighbour(out, i, -1, True)
        nxt = _neighbour(out, i, 1, True)
        out[i] = BAD if prev == nxt == BAD else GOOD
    return out


# ---------------------------------------------------------------------------------------------
# the article


def _wraps(previous: _Line, line: _Line) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` breaks off (hard wrapping)."""
    if previous.terminal or previous.words < 4 or previous.text.endswith(":"):
        return False
    first = next((c for c in line.text if c.isalpha()), "")
    if first.islower():
        return True
    if _CONTINUES.search(previous.text):
        return True
    last = previous.text.rsplit(None, 1)[-1].lower()
    return last in _FUNCTION_WORDS


def _blocks(
    measured: list[_Line], stoplist: frozenset[str]
) -> tuple[list[list[int]], list[_Line], list[str | None]]:
    """Lines grouped into blocks (a sentence hard-wrapped over lines is one block), each block
    measured as a whole, and the rule that marks a block as boilerplate."""
    groups: list[list[int]] = []
    blocks: list[_Line] = []
    rules: list[str | None] = []
    previous: _Line | None = None
    for line in measured:
        if not line.text:
            previous = None
            continue
        reason = _rule(line)
        if reason is None and previous is not None and _wraps(previous, line):
            groups[-1].append(line.index)
            joined = " ".join(measured[i].text for i in groups[-1])
            blocks[-1] = _measure(groups[-1][0], joined, stoplist)
            previous = line
            continue
        groups.append([line.index])
        blocks.append(line)
        rules.append(reason)
        previous = None if reason else line
    return groups, blocks, rules


def _decide(raw_lines: Sequence[str], stoplist: frozenset[str]) -> tuple[list[str], list[str]]:
    """For every line: its class (GOOD or BAD, or "" for a blank line) and the reason."""
    measured = [_measure(i, text, stoplist) for i, text in enumerate(raw_lines)]
    groups, content, rules = _blocks(measured, stoplist)
    block_reasons: list[str] = []
    counts = Counter(block.text for block in content)
    cf: list[str] = []
    for block, reason in zip(content, rules, strict=True):
        cls = BAD if reason else _classify(block)
        if reason is None and counts[block.text] > 1 and cls != GOOD and not block.terminal:
            reason, cls = "repeated", BAD
        block_reasons.append(reason or "")
        cf.append(cls)
    # chrome that sits inside an article (an ad slot, share buttons, a caption) is dropped
    # but does not count as a bad neighbour for the context rules
    transparent = [r in _INLINE_CHROME for r in block_reasons]
    cf = _promote_runs(cf, content, transparent)

    # once a trending/related/comments heading follows the body, the rest is not the article
    # (unless a good paragraph comes right after it: an inline "Related" box)
    weights = [
        block.words if cf[k] in (GOOD, NEARGOOD) and block.terminal else 0
        for k, block in enumerate(content)
    ]
    good_words = 0
    cut = len(content)
    for k, block in enumerate(content):
        good_words += weights[k]
        if good_words < _COMMENTS_BEFORE_WORDS:
            continue
        if (
            _COMMENTS_START.match(block.text)
            or _is_comment_header(block.text)
            or _ABOUT_ORGANISATION.match(block.text)
        ):
            cut = k
            break
        if (
            good_words >= _CUTOFF_BEFORE_WORDS
            and (_CUTOFF.match(block.text) or _COMMENT.match(block.text))
            and GOOD not in cf[k + 1 : k + 1 + CUTOFF_LOOKAHEAD]
        ):
            cut = k
            break
    context = [k for k in range(cut) if not transparent[k]]
    revised = _revise([cf[k] for k in context])
    # the body's last paragraph may be short ("The province will hold information evenings
    # for residents in April."): a whole sentence of prose right after a good paragraph
    # stays, though chrome follows it (jusText's context rules would drop it)
    for n in range(1, len(context)):
        k = context[n]
        if (
            cf[k] == SHORT
            and revised[n] == BAD
            and revised[n - 1] == GOOD
            and context[n - 1] == k - 1
            and cf[k - 1] in (GOOD, NEARGOOD)
            and _is_closing_prose(content[k])
        ):
            revised[n] = GOOD
    # a paragraph dense with names and figures has few stop words ("The Union Cabinet on
    # Friday approved a Rs 12,000-crore package to revive 35 loss-making cooperative sugar
    # mills, Food Minister Anil Verma said."): right before a good paragraph, a long whole
    # sentence of prose that no rule marked is the body (often its lead), not chrome
    for n in range(len(context) - 1):
        k = context[n]
        if (
            revised[n] == BAD
            and not block_reasons[k]
            and revised[n + 1] == GOOD
            and context[n + 1] == k + 1
            and _is_dense_prose(content[k])
        ):
            revised[n] = GOOD
    classes = [BAD] * len(content)
    for k, cls in zip(context, revised, strict=True):
        classes[k] = cls
    for k in range(cut, len(content)):
        if k == cut:
            block_reasons[k] = "end of article"
        elif block_reasons[k] in ("", "repeated") or cf[k] != BAD:
            block_reasons[k] = "trending list"

    # a later duplicate of a kept block (a pull quote, a repeated headline) goes; so does a
    # line that is no sentence (a related story's headline dropped into the body, a subheading)
    seen: set[str] = set()
    for k, block in enumerate(content):
        if classes[k] != GOOD:
            continue
        if block.text in seen:
            classes[k] = BAD
            block_reasons[k] = "repeated"
        elif not block.terminal and not block.text.endswith(":") and not _SENTENCE_INSIDE.search(
            block.text
        ):
            if HEADLINE_WORDS <= block.words <= MAX_HEADLINE_WORDS:
                classes[k] = BAD
                block_reasons[k] = "related headline"
            elif DROP_SUBHEADINGS:
                classes[k] = BAD
                block_reasons[k] = "subheading"
        seen.add(block.text)

    if GOOD not in classes and len(content) <= SHORT_TEXT_BLOCKS:
        # a text of a few sentences (a feed's two-paragraph brief) has no paragraph long or
        # dense enough for jusText's classes: its prose is the article, unless a rule said
        # otherwise
        prose = [
            k
            for k, block in enumerate(content)
            if not block_reasons[k] and _is_prose(block)
        ]
        if sum(content[k].words for k in prose) >= MIN_SHORT_TEXT_WORDS:
            for k in prose:
                classes[k] = GOOD
    out = [""] * len(measured)
    reasons = ["empty"] * len(measured)
    for k, group in enumerate(groups):
        if classes[k] == GOOD:
            reason = "body"
        else:
            reason = block_reasons[k] or ("too short" if cf[k] == SHORT else "boilerplate")
        for i in group:
            out[i] = classes[k]
            reasons[i] = reason
    return out, reasons


def _is_dense_prose(line: _Line) -> bool:
    """A long sentence of prose whose stop words are few for jusText (names and figures)."""
    return (
        line.terminal
        and line.words >= DENSE_PROSE_WORDS
        and line.stop_density >= DENSE_PROSE_STOPWORDS
        and (line.text[:1].isupper() or line.text[:1] in "\"“")
        and not line.text.endswith((":", "?"))
    )


def _is_prose(line: _Line) -> bool:
    """A line of sentences: a capital (or a quote, a digit) first, a sentence end last."""
    first = line.text[:1]
    return (
        line.terminal
        and line.words >= MIN_SHORT_TEXT_WORDS // 2
        and (first.isupper() or first.isdigit() or first in "\"“‘'(")
    )


def _promote_runs(classes: list[str], blocks: list[_Line], transparent: list[bool]) -> list[str]:
    """Near-good blocks that follow one another (short ones between) and hold enough text
    together are good: a short article has no single paragraph long enough on its own."""
    out = list(classes)
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2 and sum(blocks[k].length for k in run) > LENGTH_HIGH and any(
            blocks[k].terminal for k in run
        ):
            for k in run:
                out[k] = GOOD
        run.clear()

    for k, c in enumerate(classes):
        if c == NEARGOOD:
            run.append(k)
        elif c in (GOOD, BAD) and not transparent[k]:
            close()
    close()
    return out


def _paragraphs(lines: Sequence[str], kept: Sequence[bool]) -> tuple[str, ...]:
    """Kept lines as paragraphs: one per line, a line that wraps mid-sentence joined to the next."""
    paragraphs: list[str] = []
    current: list[str] = []
    previous_kept = False
    for text, keep in zip(lines, kept, strict=True):
        stripped = text.strip()
        if not keep or not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            previous_kept = False
            continue
        wraps = (
            previous_kept
            and current
            and not _terminal(current[-1])
            and (stripped[:1].islower() or current[-1].endswith((",", ";", "-", "–", "—")))
        )
        if current and not wraps:
            paragraphs.append(" ".join(current))
            current = []
        current.append(stripped)
        previous_kept = True
    if current:
        paragraphs.append(" ".join(current))
    return tuple(paragraphs)


def _trusted(metadata: Metadata, today: dt.date) -> Metadata:
    """The reader's metadata, less an impossible publication date; origins filled in."""
    origin = dict(metadata.origin)
    published = metadata.published
    if published is not None and published > today:
        logger.info("dropping a publication date after today: %s", published)
        published = None
        origin.pop("published", None)
    for name in ("title", "outlet", "author", "published", "url"):
        if name == "published":
            value: object = published
        else:
            value = getattr(metadata, name)
        if value is not None:
            origin.setdefault(name, "reader metadata")
    return replace(metadata, published=published, origin=origin)


def _tidy(raw: RawArticle, today: dt.date) -> CleanArticle:
    """An article whose body the reader already extracted: only leftovers go."""
    stoplist = detect_stoplist(raw.lines)
    decisions: list[LineDecision] = []
    kept: list[bool] = []
    measured = [_measure(i, text, stoplist) for i, text in enumerate(raw.lines)]
    # the body starts at the first line of prose; a headline, a byline or a date line before
    # it is header (a PDF's or Word file's first lines), an extracted body's first line is not
    plain = [m for m in measured if m.text and _rule(m) is None]
    prose = next((m.index for m in plain if m.words >= 12 and m.terminal), None)
    first = prose if prose is not None else (plain[0].index if plain else 0)
    header = find_header(raw.lines, body_start=first, today=today)
    for line in measured:
        if not line.text:
            reason: str | None = "empty"
        else:
            reason = header.roles.get(line.index) or _rule(line)
            if reason in {"menu", "section label"}:
                reason = None  # short headings inside an extracted body are fine
            if reason is None and prose is not None and line.index < prose <= HEADER_LINES:
                # a letterhead above a document's first paragraph ("Ministry of Maritime
                # Affairs", "PRESS RELEASE") is not the article
                reason = "header"
        keep = reason is None
        kept.append(keep)
        decisions.append(LineDecision(raw.lines[line.index], keep, reason or "body"))
    metadata = _trusted(raw.metadata, today).merged_over(header.metadata)
    return CleanArticle(
        paragraphs=_paragraphs(raw.lines, kept),
        metadata=metadata,
        decisions=raw.removed + tuple(decisions),
    )


def clean_article(
    raw: RawArticle, *, today: dt.date | None = None, language: str | None = None
) -> CleanArticle:
    """The article body and header metadata of a raw article, with a decision for every line.

    ``today`` (default: the system date) bounds the publication date; ``language`` names the
    stop-word list (jusText's names, e.g. "English"), guessed from the text when not given.
    Kept lines are never edited: the body is the raw lines minus the dropped ones.
    """
    today = today or dt.date.today()
    if raw.cleaned:
        return _tidy(raw, today)
    stoplist = detect_stoplist(raw.lines, language=language)
    classes, reasons = _decide(raw.lines, stoplist)
    body = [i for i, c in enumerate(classes) if c == GOOD]
    body_start = body[0] if body else None
    body_end = body[-1] + 1 if body else None
    chrome = {i for i, reason in enumerate(reasons) if reason in _NEVER_TITLE}
    header = find_header(
        raw.lines, body_start=body_start, body_end=body_end, today=today, chrome=chrome
    )
    for i, role in header.roles.items():
        classes[i] = BAD
        reasons[i] = role
    kept = [c == GOOD for c in classes]
    decisions = raw.removed + tuple(
        LineDecision(text, keep, reason)
        for text, keep, reason in zip(raw.lines, kept, reasons, strict=True)
    )
    metadata = _trusted(raw.metadata, today).merged_over(header.metadata)
    if not any(kept):
        logger.info("%s: no body text found", raw.file)
    return CleanArticle(
        paragraphs=_paragraphs(raw.lines, kept), metadata=metadata, decisions=decisions
    )
