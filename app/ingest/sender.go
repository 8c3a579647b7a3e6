package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// sender turns a message's From field (display name and address) and its
// Organization field into the report's author and outlet.
//
// A display name is either a person ("Jane Doe") or an organisation
// ("Acme Press Office", "City Council Newsroom", "NASA"): a person is the
// author and the outlet is the organisation they write for, named by the
// Organization field when there is one, else by their mail domain
// ("acme.org", the registrable part of "press.acme.org"); an organisation
// is the outlet and there is no author, since a press office is not a
// byline and naming it twice adds nothing. The domain is kept as written
// rather than turned into a name ("acme-corp.co.uk" is not reliably
// "Acme Corp"), and it is left out for free mail services and press
// release wires, whose domain says nothing of who speaks. "Jane Doe
// (Acme)" and "Jane Doe | Acme" name both; "Acme via PR Wire" is Acme.
func sender(name, addr, org string) (author, outlet string) {
	name = oneLine(strings.Trim(oneLine(name), `"'`))
	if before, _, ok := strings.Cut(name, " via "); ok {
		name = strings.TrimSpace(before)
	}
	if strings.Contains(name, "@") {
		name = "" // the address repeated as its own name
	}
	domain := mailDomain(addr)
	if m := nameOrgRE.FindStringSubmatch(name); m != nil && !organisational(m[1], domain) {
		return m[1], m[2]
	}
	if name != "" && organisational(name, domain) {
		return "", name
	}
	if org = oneLine(org); org != "" {
		return name, org
	}
	return name, domain
}

// nameOrgRE splits "Jane Doe (Acme Corp)" and "Jane Doe | Acme Corp" into
// the person and the organisation.
var nameOrgRE = regexp.MustCompile(`^([^()|]+?)\s*[(|]\s*([^()|]+?)\s*\)?$`)

// orgWords are words that make a display name an organisation's.
var orgWords = map[string]bool{
	"press": true, "office": true, "news": true, "newsroom": true, "media": true, "communications": true,
	"comms": true, "pr": true, "public": true, "relations": true, "team": true, "desk": true,
	"department": true, "dept": true, "ministry": true, "council": true, "agency": true, "bureau": true,
	"service": true, "services": true, "authority": true, "police": true, "government": true, "gov": true,
	"university": true, "college": true, "school": true, "hospital": true, "foundation": true,
	"institute": true, "association": true, "society": true, "union": true, "party": true,
	"committee": true, "commission": true, "inc": true, "ltd": true, "llc": true, "plc": true,
	"gmbh": true, "corp": true, "corporation": true, "company": true, "group": true, "holdings": true,
	"international": true, "bank": true, "trust": true, "info": true, "noreply": true, "no-reply": true,
	"newsletter": true, "editorial": true, "official": true, "network": true, "magazine": true,
	"radio": true, "tv": true, "times": true, "post": true, "daily": true, "journal": true,
	"herald": true, "tribune": true, "gazette": true, "the": true, "club": true, "federation": true,
	"embassy": true, "parliament": true, "court": true, "museum": true, "centre": true, "center": true,
}

// organisational reports whether a display name is an organisation's: it
// has a word of one (orgWords), is one word that is an acronym ("NASA")
// or the mail domain's name ("Acme" at acme.org).
func organisational(name, domain string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	for _, w := range words {
		if orgWords[strings.ToLower(w)] {
			return true
		}
	}
	if len(words) == 1 {
		w := words[0]
		label, _, _ := strings.Cut(domain, ".")
		if len([]rune(w)) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			return true
		}
		return label != "" && strings.EqualFold(w, label)
	}
	return false
}

// freeMail are mail services anyone can use, whose domain names no
// organisation, and press release wires, which send for others.
var freeMail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "hotmail.com": true, "live.com": true,
	"msn.com": true, "yahoo.com": true, "ymail.com": true, "aol.com": true, "icloud.com": true,
	"me.com": true, "mac.com": true, "proton.me": true, "protonmail.com": true, "pm.me": true,
	"gmx.com": true, "gmx.net": true, "gmx.de": true, "web.de": true, "mail.com": true, "mail.ru": true,
	"yandex.ru": true, "yandex.com": true, "qq.com": true, "163.com": true, "126.com": true,
	"zoho.com": true, "fastmail.com": true, "hey.com": true, "t-online.de": true, "orange.fr": true,
	"free.fr": true, "laposte.net": true, "libero.it": true, "rediffmail.com": true,
	"prnewswire.com": true, "businesswire.com": true, "globenewswire.com": true, "newswire.ca": true,
	"accesswire.com": true, "einpresswire.com": true, "prweb.com": true, "mynewsdesk.com": true,
	"cision.com": true, "mailchimp.com": true, "mcsv.net": true, "sendgrid.net": true,
}

// freeMailPrefixes are free services with a domain per country
// (yahoo.co.uk, hotmail.fr).
var freeMailPrefixes = []string{"yahoo.", "hotmail.", "outlook.", "live.", "gmx.", "yandex.", "aol."}

// mailDomain returns the registrable domain of an address ("acme.org" for
// press@news.acme.org), or "" for free mail and wires.
func mailDomain(addr string) string {
	_, host, ok := strings.Cut(strings.ToLower(strings.TrimSpace(addr)), "@")
	host = strings.Trim(host, ".> ")
	if !ok || host == "" {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		d = host
	}
	if freeMail[d] {
		return ""
	}
	for _, p := range freeMailPrefixes {
		if strings.HasPrefix(d, p) {
			return ""
		}
	}
	return d
}
