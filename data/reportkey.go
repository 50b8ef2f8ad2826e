package data

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

// ReportKey is the key the township signs its report files (上报文件) with,
// so the county can tell a file was not altered after issue and which
// township it came from. It is made on first use and kept in the
// database, so a backup restored on a new PC signs as before.
func (db *DB) ReportKey(ctx context.Context) (ed25519.PrivateKey, error) {
	if key, ok, err := db.savedReportKey(ctx); err != nil || ok {
		return key, err
	}
	err := db.write(ctx, "make report key", func(tx *sql.Tx) error {
		// Looked for again inside the transaction: two first issues at
		// once must not make two keys.
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM settings WHERE key = 'report_key'").Scan(&n); err != nil || n > 0 {
			return err
		}
		_, key, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		if err := setSetting(ctx, tx, "report_key", hex.EncodeToString(key.Seed())); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActMakeReportKey, "settings", 0, nil, Fingerprint(key.Public().(ed25519.PublicKey)))
	})
	if err != nil {
		return nil, err
	}
	key, _, err := db.savedReportKey(ctx)
	return key, err
}

func (db *DB) savedReportKey(ctx context.Context) (ed25519.PrivateKey, bool, error) {
	v, ok, err := db.setting(ctx, "report_key")
	if err != nil || !ok {
		return nil, false, err
	}
	seed, err := hex.DecodeString(v)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, false, fmt.Errorf("read report key: %w", ErrDamaged)
	}
	return ed25519.NewKeyFromSeed(seed), true, nil
}

// Fingerprint is a public key as people compare it over the phone: the
// first 10 bytes of its SHA-256 in five groups of four hex digits.
func Fingerprint(key ed25519.PublicKey) string {
	sum := sha256.Sum256(key)
	h := strings.ToUpper(hex.EncodeToString(sum[:10]))
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20]
}

// ReportFingerprint is the fingerprint of the township's report key, for
// the county to check by phone; ok is false before the first issue made it.
func (db *DB) ReportFingerprint(ctx context.Context) (fingerprint string, ok bool, err error) {
	key, ok, err := db.savedReportKey(ctx)
	if err != nil || !ok {
		return "", ok, err
	}
	return Fingerprint(key.Public().(ed25519.PublicKey)), true, nil
}
