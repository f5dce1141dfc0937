//! One story of the storage contract, written once for any `Storage`; run here on SQLite,
//! and meant to run unchanged on every other backend.

use pde_server::ids::{AccountId, DocumentId};
use pde_server::storage::{
    Account, AuthMethod, Document, DocumentState, KdfParams, PassphraseSlot, SessionRecord,
    SqliteStorage, Storage, StorageError,
};

fn account(pseudonym: &str) -> Account {
    Account {
        id: AccountId::random(),
        pseudonym: pseudonym.to_owned(),
        pseudonym_key: pseudonym.to_lowercase(),
        recipient: "age1recipient".into(),
        passphrase: PassphraseSlot {
            salt: vec![1; 16],
            kdf: KdfParams::DEFAULT,
            auth_hmac: vec![2; 32],
            slot: b"slot".to_vec(),
        },
        recovery_auth_hmac: vec![3; 32],
        recovery_slot: b"recovery".to_vec(),
        created_day: 86_400,
        last_seen_day: 86_400,
    }
}

fn document(owner: AccountId, size: u64, created_at: i64) -> Document {
    Document {
        id: DocumentId::random(),
        account_id: owner,
        size,
        state: DocumentState::Pending,
        created_at,
        metadata: b"m".to_vec(),
        envelope: b"e".to_vec(),
    }
}

async fn story(s: &impl Storage) {
    s.ping().await.unwrap();

    // Accounts.
    let alice = account("Alice");
    s.create_account(&alice).await.unwrap();
    let mut twin = account("ALICE");
    twin.pseudonym_key = "alice".into();
    assert!(matches!(
        s.create_account(&twin).await,
        Err(StorageError::Conflict)
    ));
    let found = s.account_by_pseudonym("alice").await.unwrap().unwrap();
    assert_eq!(found.id, alice.id);
    assert_eq!(found.pseudonym, "Alice");
    assert_eq!(found.passphrase.kdf, KdfParams::DEFAULT);
    assert_eq!(found.recovery_slot, b"recovery");
    assert!(s.account_by_pseudonym("nobody").await.unwrap().is_none());
    assert!(s.account(AccountId::random()).await.unwrap().is_none());
    let new_slot = PassphraseSlot {
        salt: vec![9; 16],
        kdf: KdfParams {
            m_kib: 1024,
            t: 2,
            p: 1,
        },
        auth_hmac: vec![8; 32],
        slot: b"new".to_vec(),
    };
    s.set_passphrase(alice.id, &new_slot).await.unwrap();
    s.set_last_seen_day(alice.id, 2 * 86_400).await.unwrap();
    let found = s.account(alice.id).await.unwrap().unwrap();
    assert_eq!(found.passphrase.salt, vec![9; 16]);
    assert_eq!(found.passphrase.kdf.m_kib, 1024);
    assert_eq!(found.passphrase.slot, b"new");
    assert_eq!(found.last_seen_day, 2 * 86_400);
    let bob = account("Bob");
    s.create_account(&bob).await.unwrap();

    // Log-in failures.
    assert!(s.login_failures("k").await.unwrap().is_none());
    assert_eq!(s.record_login_failure("k", 100).await.unwrap(), 1);
    assert_eq!(s.record_login_failure("k", 105).await.unwrap(), 2);
    let f = s.login_failures("k").await.unwrap().unwrap();
    assert_eq!((f.failures, f.last_failure_at), (2, 105));
    s.record_login_failure("old", 10).await.unwrap();
    assert_eq!(s.forget_login_failures_before(50).await.unwrap(), 1);
    s.clear_login_failures("k").await.unwrap();
    assert!(s.login_failures("k").await.unwrap().is_none());

    // Sessions.
    let session = |hash: &str, owner: AccountId, at: i64| SessionRecord {
        token_hash: hash.into(),
        account_id: owner,
        method: AuthMethod::Recovery,
        created_at: at,
        last_seen_at: at,
    };
    s.create_session(&session("s1", alice.id, 1000))
        .await
        .unwrap();
    s.create_session(&session("s2", alice.id, 1000))
        .await
        .unwrap();
    s.create_session(&session("s3", bob.id, 1000))
        .await
        .unwrap();
    s.touch_session("s1", 1500).await.unwrap();
    s.touch_session("s1", 1200).await.unwrap(); // never moves back
    let got = s.session("s1").await.unwrap().unwrap();
    assert_eq!(
        (got.account_id, got.method, got.last_seen_at),
        (alice.id, AuthMethod::Recovery, 1500)
    );
    s.delete_other_sessions(alice.id, "s1").await.unwrap();
    assert!(s.session("s2").await.unwrap().is_none());
    assert!(s.session("s3").await.unwrap().is_some());
    // s3 idle since 1000: gone; s1 used at 1500: kept.
    assert_eq!(s.delete_expired_sessions(1400, 0).await.unwrap(), 1);
    assert!(s.session("s1").await.unwrap().is_some());
    assert_eq!(s.delete_expired_sessions(0, 1001).await.unwrap(), 1);
    s.delete_session("s1").await.unwrap();
    assert!(s.session("s1").await.unwrap().is_none());

    // Documents and quota (pending documents count).
    let d1 = document(alice.id, 600, 1000);
    assert!(s.reserve_document(&d1, 1000).await.unwrap());
    assert!(
        !s.reserve_document(&document(alice.id, 401, 1000), 1000)
            .await
            .unwrap()
    );
    let d2 = document(alice.id, 400, 2000);
    assert!(s.reserve_document(&d2, 1000).await.unwrap());
    assert_eq!(s.used_bytes(alice.id).await.unwrap(), 1000);
    assert_eq!(s.used_bytes(bob.id).await.unwrap(), 0);
    assert!(
        s.reserve_document(&document(bob.id, 1000, 1000), 1000)
            .await
            .unwrap()
    );

    // Only complete documents are listed; uploads move pending → uploading → complete.
    assert!(s.list_documents(alice.id).await.unwrap().is_empty());
    assert!(!s.begin_upload(bob.id, d1.id).await.unwrap(), "not Bob's");
    assert!(s.begin_upload(alice.id, d1.id).await.unwrap());
    assert!(!s.begin_upload(alice.id, d1.id).await.unwrap(), "only once");
    s.abort_upload(alice.id, d1.id).await.unwrap();
    assert!(s.begin_upload(alice.id, d1.id).await.unwrap());
    assert!(s.finish_upload(alice.id, d1.id).await.unwrap());
    assert!(!s.begin_upload(alice.id, d1.id).await.unwrap());
    let listed = s.list_documents(alice.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].size, listed[0].state),
        (d1.id, 600, DocumentState::Complete)
    );
    assert!(s.list_documents(bob.id).await.unwrap().is_empty());

    // Owner checks.
    assert!(s.document(bob.id, d1.id).await.unwrap().is_none());
    assert!(!s.set_metadata(bob.id, d1.id, b"x").await.unwrap());
    assert!(s.set_metadata(alice.id, d1.id, b"renamed").await.unwrap());
    assert_eq!(
        s.document(alice.id, d1.id).await.unwrap().unwrap().metadata,
        b"renamed"
    );
    assert!(!s.delete_document(bob.id, d1.id).await.unwrap());

    // Stale: not complete and reserved at or before the cutoff.
    assert_eq!(
        s.stale_documents(1500).await.unwrap().len(),
        1,
        "Bob's pending one"
    );
    let stale = s.stale_documents(2000).await.unwrap();
    assert_eq!(stale.len(), 2);
    assert!(stale.contains(&d2.id) && !stale.contains(&d1.id));
    assert!(!s.delete_stale_document(d2.id, 1999).await.unwrap());
    assert!(s.delete_stale_document(d2.id, 2000).await.unwrap());
    assert!(
        !s.delete_stale_document(d1.id, 9999).await.unwrap(),
        "complete ones stay"
    );
    assert!(s.begin_upload(alice.id, d2.id).await.is_ok_and(|b| !b));
    assert!(!s.finish_upload(alice.id, d2.id).await.unwrap());

    assert!(s.delete_document(alice.id, d1.id).await.unwrap());
    assert_eq!(s.used_bytes(alice.id).await.unwrap(), 0);
}

#[tokio::test]
async fn storage_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("story.sqlite").display()
    );
    let storage = SqliteStorage::connect(&url).await.unwrap();
    story(&storage).await;
    // Connecting again runs no migration twice and keeps the data.
    let again = SqliteStorage::connect(&url).await.unwrap();
    assert!(again.account_by_pseudonym("alice").await.unwrap().is_some());
}
