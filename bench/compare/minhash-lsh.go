// github.com/ekzhu/minhash-lsh (Debian's golang-github-ekzhu-minhash-lsh-dev) on the exported
// benchmark corpus: 128 hash functions over word 5-grams; the LSH threshold is chosen so the
// library's own parameter search lands on 32 bands x 4 rows. Prints one JSON line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"
)

type line struct {
	ID     string  `json:"id"`
	Kind   string  `json:"kind"`
	Source *string `json:"source"`
	Text   string  `json:"text"`
}

var word = regexp.MustCompile(`[\p{L}\p{N}]+`)

var reuse = map[string]bool{"duplicate": true, "near_duplicate": true, "spun": true, "excerpt": true, "abridged": true}

func shingles(text string) []string {
	words := word.FindAllString(strings.ToLower(text), -1)
	out := []string{}
	for i := 0; i+5 <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+5], " "))
	}
	if len(out) == 0 && len(words) > 0 {
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// threshold32x4 finds a threshold whose optimal (k, l) is (4, 32).
func threshold32x4() (float64, int, int) {
	for t := 0.30; t < 0.70; t += 0.005 {
		k, l := minhashlsh.NewMinhashLSH16(128, t).Params()
		if k == 4 && l == 32 {
			return t, k, l
		}
	}
	k, l := minhashlsh.NewMinhashLSH16(128, 0.42).Params()
	return 0.42, k, l
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	docs := []line{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	bytes := 0
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			panic(err)
		}
		bytes += len(l.Text)
		docs = append(docs, l)
	}
	start := time.Now()
	sigs := make([][]uint64, len(docs))
	for i, d := range docs {
		m := minhashlsh.NewMinhash(1, 128)
		for _, s := range shingles(d.Text) {
			m.Push([]byte(s))
		}
		sigs[i] = m.Signature()
	}
	fpSec := time.Since(start).Seconds()
	t, k, l := threshold32x4()
	lsh := minhashlsh.NewMinhashLSH16(128, t)
	start = time.Now()
	for i, d := range docs {
		lsh.Add(d.ID, sigs[i])
	}
	lsh.Index()
	buildSec := time.Since(start).Seconds()
	queries, hits := 0, 0
	start = time.Now()
	for i, d := range docs {
		if !reuse[d.Kind] {
			continue
		}
		queries++
		for _, c := range lsh.Query(sigs[i]) {
			if d.Source != nil && c.(string) == *d.Source {
				hits++
				break
			}
		}
	}
	querySec := time.Since(start).Seconds()
	fmt.Printf("{\"tool\":\"ekzhu/minhash-lsh (Go, %dx%d)\",\"docs\":%d,\"mb\":%f,\"fingerprintSec\":%f,\"buildSec\":%f,\"querySec\":%f,\"queries\":%d,\"recall\":%f}\n",
		l, k, len(docs), float64(bytes)/1e6, fpSec, buildSec, querySec, queries, float64(hits)/float64(queries))
}
