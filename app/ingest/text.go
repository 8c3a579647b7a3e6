package ingest

// The plain text reader: the decoded bytes are the report text. It also
// reads pastes and files whose extension no other reader claims.
func init() {
	plainText = &format{
		name: "text",
		exts: []string{".txt", ".text", ".log"},
		read: readText,
	}
	register(plainText)
}

// readText decodes src as plain text.
func readText(src []byte, _ Options) (parsed, error) {
	text, offs, enc, err := decodeText(src)
	if err != nil {
		return parsed{}, err
	}
	return parsed{text: text, offsets: offs, encoding: enc}, nil
}
