package assets

import _ "embed"

// WordNet is Princeton WordNet 3.0 reduced to what the claim-pair scorer
// asks of it (lemmas, exception lists, senses, one-step hypernyms and
// derivation links) in the compact gzip'd format of
// parallax/app/lexicon/internal/wntable. It is generated, never edited:
//
//	go run ./app/lexicon/internal/wngen -in /usr/share/wordnet -out assets/wordnet.bin.gz
//
// Embedding it means the application neither needs WordNet installed nor
// parses its 28 MB of text at start-up. Read it through parallax/app/lexicon.
//
//go:embed wordnet.bin.gz
var WordNet []byte

// WordNetLicense is Princeton's WordNet 3.0 licence. Its terms ask that the
// notice appear on all copies of the database, and every Parallax binary is
// one, so the text ships inside the binary beside the table (for an About
// screen or a licences listing) as well as in assets/wordnet.LICENSE.
//
//go:embed wordnet.LICENSE
var WordNetLicense string
