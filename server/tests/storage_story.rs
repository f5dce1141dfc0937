//! One story of the storage contract, written once for any `Storage`, run on SQLite and on
//! PostgreSQL.

use pde_server::ids::{AccountId, DocumentId, OrganisationId, ShareId};
use pde_server::storage::{
    Account, AccountKind, AccountStore, AuthMethod, CreateShareOutcome, Document, DocumentState,
    Invitation, JoinOutcome, KdfParams, LoginDelays, NewShare, NewWorker, Organisation,
    PassphraseSlot, PurgedShares, Receipt, ReceiptAction, ReceiptBy, Role, SessionRecord,
    ShareAudience, ShareKind, ShareStatus, SqlStorage, Storage, StorageError, WorkerState,
};
use pde_server::worker_code::WorkerCode;

fn account(pseudonym: &str) -> Account {
    Account {
        id: AccountId::random(),
        kind: AccountKind::Holder,
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
    let delays = LoginDelays {
        free_failures: 2,
        max_delay_secs: 5,
    };
    assert!(s.take_login_try("k", 100, delays).await.unwrap());
    assert!(s.take_login_try("k", 100, delays).await.unwrap());
    // Two free tries taken: the third waits 1 s, the fourth 2 s after it.
    assert!(!s.take_login_try("k", 100, delays).await.unwrap());
    assert!(s.take_login_try("k", 101, delays).await.unwrap());
    assert!(!s.take_login_try("k", 102, delays).await.unwrap());
    assert!(s.take_login_try("k", 103, delays).await.unwrap());
    let f = s.login_failures("k").await.unwrap().unwrap();
    assert_eq!((f.failures, f.last_failure_at), (4, 103));
    // The longest wait is 5 s.
    for at in [107, 112, 117] {
        assert!(!s.take_login_try("k", at - 1, delays).await.unwrap());
        assert!(s.take_login_try("k", at, delays).await.unwrap());
    }
    assert!(s.take_login_try("old", 10, delays).await.unwrap());
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
        device: pde_server::device::Device::UNKNOWN,
        view: pde_server::storage::View::Main,
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
    let (got, role) = s.session_with_role("s1").await.unwrap().unwrap();
    assert_eq!(
        (got.account_id, got.last_seen_at, role),
        (alice.id, 1500, Role::Holder)
    );
    assert!(s.session_with_role("s9").await.unwrap().is_none());
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
    assert_eq!(s.used_bytes(alice.id, 0).await.unwrap(), 1000);
    assert_eq!(s.used_bytes(bob.id, 0).await.unwrap(), 0);
    assert!(
        s.reserve_document(&document(bob.id, 1000, 1000), 1000)
            .await
            .unwrap()
    );

    // Only complete documents are listed; uploads move pending → uploading → complete.
    assert!(s.list_documents(alice.id, 0).await.unwrap().is_empty());
    assert!(
        !s.begin_upload(bob.id, d1.id, 1100, 60).await.unwrap(),
        "not Bob's"
    );
    assert!(s.begin_upload(alice.id, d1.id, 1100, 60).await.unwrap());
    assert!(
        !s.begin_upload(alice.id, d1.id, 1100, 60).await.unwrap(),
        "only once"
    );
    // An upload alive (refreshed at 1150) is not taken over; one silent for the lease is.
    s.keep_upload(alice.id, d1.id, 1150).await.unwrap();
    assert!(!s.begin_upload(alice.id, d1.id, 1209, 60).await.unwrap());
    assert!(s.begin_upload(alice.id, d1.id, 1210, 60).await.unwrap());
    s.abort_upload(alice.id, d1.id).await.unwrap();
    assert!(s.begin_upload(alice.id, d1.id, 1300, 60).await.unwrap());
    // While uploading since 1300, it is not stale for a cutoff before that.
    assert!(!s.stale_documents(1299).await.unwrap().contains(&d1.id));
    assert!(s.finish_upload(alice.id, d1.id).await.unwrap());
    assert!(!s.begin_upload(alice.id, d1.id, 9999, 60).await.unwrap());
    let listed = s.list_documents(alice.id, 0).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].size, listed[0].state),
        (d1.id, 600, DocumentState::Complete)
    );
    assert!(s.list_documents(bob.id, 0).await.unwrap().is_empty());

    // Owner checks.
    assert!(s.document(bob.id, d1.id, 0).await.unwrap().is_none());
    assert!(!s.set_metadata(bob.id, d1.id, b"x", 0).await.unwrap());
    assert!(
        s.set_metadata(alice.id, d1.id, b"renamed", 0)
            .await
            .unwrap()
    );
    assert_eq!(
        s.document(alice.id, d1.id, 0)
            .await
            .unwrap()
            .unwrap()
            .metadata,
        b"renamed"
    );
    assert!(!s.delete_document(bob.id, d1.id, 2000).await.unwrap());

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
    assert!(
        s.begin_upload(alice.id, d2.id, 2000, 60)
            .await
            .is_ok_and(|b| !b)
    );
    assert!(!s.finish_upload(alice.id, d2.id).await.unwrap());

    assert!(s.delete_document(alice.id, d1.id, 2000).await.unwrap());
    assert_eq!(s.used_bytes(alice.id, 0).await.unwrap(), 0);
}

/// Sharing: organisations, invitations, workers, shares, links, receipts, the purge.
async fn sharing_story(s: &impl Storage) {
    // Organisations: unique names.
    let org = Organisation {
        id: OrganisationId::random(),
        name: "Samu".into(),
        created_at: 10,
    };
    s.create_organisation(&org).await.unwrap();
    let twin = Organisation {
        id: OrganisationId::random(),
        ..org.clone()
    };
    assert!(matches!(
        s.create_organisation(&twin).await,
        Err(StorageError::Conflict)
    ));
    assert_eq!(s.organisation(org.id).await.unwrap(), Some(org.clone()));
    assert_eq!(
        s.organisation_by_name("Samu").await.unwrap(),
        Some(org.clone())
    );
    assert_eq!(s.organisation_by_name("samu").await.unwrap(), None);

    // Invitations: valid until used or expired.
    let invitation = |hash: &str, expires_at: i64| Invitation {
        token_hash: hash.into(),
        organisation_id: org.id,
        created_at: 10,
        expires_at,
    };
    s.create_invitation(&invitation("inv1", 1000))
        .await
        .unwrap();
    s.create_invitation(&invitation("inv2", 1000))
        .await
        .unwrap();
    s.create_invitation(&invitation("inv3", 1000))
        .await
        .unwrap();
    let valid = s.valid_invitation("inv1", 999).await.unwrap().unwrap();
    assert_eq!(
        (valid.organisation.name.as_str(), valid.expires_at),
        ("Samu", 1000)
    );
    assert!(s.valid_invitation("inv1", 1000).await.unwrap().is_none());
    assert!(s.valid_invitation("nope", 0).await.unwrap().is_none());

    // Joining uses the invitation once; nothing changes on a refusal.
    let holder = account("Holder");
    s.create_account(&holder).await.unwrap();
    let mut worker_account = account("Worker");
    worker_account.kind = AccountKind::Worker;
    let code = WorkerCode::from_value(123_456_789).unwrap();
    let new_worker = |code| NewWorker {
        real_name: "Ann Worker".into(),
        code,
        joined_day: 0,
    };
    assert!(matches!(
        s.join_worker("inv1", 1000, &worker_account, &new_worker(code))
            .await
            .unwrap(),
        JoinOutcome::InvitationInvalid
    ));
    let mut taken = account("HOLDER");
    taken.kind = AccountKind::Worker;
    assert!(matches!(
        s.join_worker("inv1", 500, &taken, &new_worker(code))
            .await
            .unwrap(),
        JoinOutcome::PseudonymTaken
    ));
    let JoinOutcome::Joined(w) = s
        .join_worker("inv1", 500, &worker_account, &new_worker(code))
        .await
        .unwrap()
    else {
        panic!("not joined")
    };
    assert_eq!(
        (w.account_id, w.state, w.code, w.organisation.id),
        (worker_account.id, WorkerState::Unverified, code, org.id)
    );
    assert!(
        s.valid_invitation("inv1", 500).await.unwrap().is_none(),
        "used"
    );
    let mut other = account("Other worker");
    other.kind = AccountKind::Worker;
    assert!(matches!(
        s.join_worker(
            "inv1",
            501,
            &other,
            &new_worker(WorkerCode::from_value(1).unwrap())
        )
        .await
        .unwrap(),
        JoinOutcome::InvitationInvalid
    ));
    assert!(matches!(
        s.join_worker("inv2", 501, &other, &new_worker(code))
            .await
            .unwrap(),
        JoinOutcome::CodeTaken
    ));
    assert!(s.account(other.id).await.unwrap().is_none(), "rolled back");
    assert!(
        s.valid_invitation("inv2", 501).await.unwrap().is_some(),
        "not used"
    );
    let second_code = WorkerCode::from_value(2).unwrap();
    let JoinOutcome::Joined(w2) = s
        .join_worker("inv2", 501, &other, &new_worker(second_code))
        .await
        .unwrap()
    else {
        panic!("not joined")
    };

    // Roles, look-ups and states.
    assert_eq!(s.role(holder.id).await.unwrap(), Some(Role::Holder));
    assert_eq!(
        s.role(w.account_id).await.unwrap(),
        Some(Role::Worker(WorkerState::Unverified))
    );
    assert_eq!(s.role(AccountId::random()).await.unwrap(), None);
    assert_eq!(s.worker(w.account_id).await.unwrap(), Some(w.clone()));
    assert_eq!(s.worker_by_code(code).await.unwrap(), Some(w.clone()));
    assert_eq!(s.worker(holder.id).await.unwrap(), None);
    let verified = s
        .set_worker_state(code, WorkerState::Verified)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(verified.state, WorkerState::Verified);
    assert!(
        s.set_worker_state(WorkerCode::from_value(3).unwrap(), WorkerState::Verified)
            .await
            .unwrap()
            .is_none()
    );
    s.set_worker_state(second_code, WorkerState::Suspended)
        .await
        .unwrap();
    let summary = s.organisations().await.unwrap();
    assert_eq!(summary.len(), 1);
    assert_eq!(
        (
            summary[0].unverified,
            summary[0].verified,
            summary[0].suspended
        ),
        (0, 1, 1)
    );
    assert_eq!(s.workers(Some(org.id)).await.unwrap().len(), 2);
    assert_eq!(s.workers(None).await.unwrap().len(), 2);
    assert!(
        s.workers(Some(OrganisationId::random()))
            .await
            .unwrap()
            .is_empty()
    );

    // Sessions of one account.
    for hash in ["w1", "w2"] {
        s.create_session(&SessionRecord {
            token_hash: hash.into(),
            account_id: w.account_id,
            method: AuthMethod::Passphrase,
            created_at: 0,
            last_seen_at: 0,
            device: pde_server::device::Device::UNKNOWN,
            view: pde_server::storage::View::Main,
        })
        .await
        .unwrap();
    }
    s.create_session(&SessionRecord {
        token_hash: "w3".into(),
        account_id: w2.account_id,
        method: AuthMethod::Passphrase,
        created_at: 0,
        last_seen_at: 0,
        device: pde_server::device::Device::UNKNOWN,
        view: pde_server::storage::View::Main,
    })
    .await
    .unwrap();
    let role_of = async |hash: &str| {
        s.session_with_role(hash)
            .await
            .unwrap()
            .map(|(r, role)| (r.account_id, role))
    };
    assert_eq!(
        role_of("w1").await,
        Some((w.account_id, Role::Worker(WorkerState::Verified)))
    );
    assert_eq!(
        role_of("w3").await,
        Some((w2.account_id, Role::Worker(WorkerState::Suspended)))
    );
    assert_eq!(s.delete_sessions(w.account_id).await.unwrap(), 2);
    assert!(s.session("w1").await.unwrap().is_none());
    assert_eq!(role_of("w1").await, None);

    // Shares: complete documents of the owner only; a worker who exists and is not suspended.
    let doc = |created_at| Document {
        state: DocumentState::Pending,
        ..document(holder.id, 10, created_at)
    };
    let (d1, d2, pending) = (doc(1), doc(2), doc(3));
    for d in [&d1, &d2, &pending] {
        assert!(s.reserve_document(d, 1000).await.unwrap());
    }
    for d in [&d1, &d2] {
        assert!(
            s.begin_upload(holder.id, d.id, d.created_at, 60)
                .await
                .unwrap()
        );
        assert!(s.finish_upload(holder.id, d.id).await.unwrap());
    }
    let share = |audience, documents: Vec<DocumentId>| NewShare {
        id: ShareId::random(),
        owner: holder.id,
        audience,
        created_at: 100,
        opens_at: None,
        expires_at: 200,
        note: Some(b"note".to_vec()),
        documents: documents
            .into_iter()
            .map(|d| (d, format!("envelope {d}").into_bytes()))
            .collect(),
        in_limited_view: false,
    };
    let to_worker = share(ShareAudience::Worker(w.account_id), vec![d2.id, d1.id]);
    for (refused, outcome) in [
        (
            share(ShareAudience::Worker(w.account_id), vec![d1.id, pending.id]),
            CreateShareOutcome::DocumentNotFound,
        ),
        (
            share(
                ShareAudience::Worker(w.account_id),
                vec![DocumentId::random()],
            ),
            CreateShareOutcome::DocumentNotFound,
        ),
        (
            share(ShareAudience::Worker(w2.account_id), vec![d1.id]),
            CreateShareOutcome::WorkerNotFound,
        ),
        (
            share(ShareAudience::Worker(holder.id), vec![d1.id]),
            CreateShareOutcome::WorkerNotFound,
        ),
    ] {
        assert_eq!(s.create_share(&refused).await.unwrap(), outcome);
        assert!(
            s.share(refused.id).await.unwrap().is_none(),
            "nothing stored"
        );
    }
    assert_eq!(
        s.create_share(&to_worker).await.unwrap(),
        CreateShareOutcome::Created
    );
    let link = share(
        ShareAudience::Link {
            access_hmac: vec![1; 32],
            pin_hmac: Some(vec![2; 32]),
        },
        vec![d1.id],
    );
    assert_eq!(
        s.create_share(&link).await.unwrap(),
        CreateShareOutcome::Created
    );

    let got = s.share(to_worker.id).await.unwrap().unwrap();
    assert_eq!(
        (got.kind, got.worker_id, got.owner_pseudonym.as_str()),
        (ShareKind::Worker, Some(w.account_id), "Holder")
    );
    assert_eq!(got.status(199), ShareStatus::Active);
    assert_eq!(got.status(200), ShareStatus::Expired);
    let docs = s.shared_documents(to_worker.id).await.unwrap();
    assert_eq!(
        docs.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![d2.id, d1.id],
        "in the order shared"
    );
    assert_eq!(docs[0].envelope, format!("envelope {}", d2.id).into_bytes());
    assert!(
        s.shared_document(to_worker.id, pending.id)
            .await
            .unwrap()
            .is_none()
    );
    let listed = s.worker_shares(w.account_id, 150).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(s.worker_shares(w.account_id, 200).await.unwrap().is_empty());

    // Receipts only while active and for a shared document.
    let receipt =
        |doc, at, action| s.record_receipt(to_worker.id, doc, at, action, ReceiptBy::Worker);
    assert!(receipt(d1.id, 150, ReceiptAction::Open).await.unwrap());
    assert!(receipt(d1.id, 160, ReceiptAction::Download).await.unwrap());
    assert!(!receipt(pending.id, 160, ReceiptAction::Open).await.unwrap());
    assert!(
        !receipt(d1.id, 200, ReceiptAction::Open).await.unwrap(),
        "expired"
    );

    // The link: rate windows, PIN failures, the lock.
    let rate = s.count_link_request(link.id, 100, 60).await.unwrap();
    assert_eq!((rate.count, rate.window_start), (1, 100));
    assert_eq!(
        s.count_link_request(link.id, 159, 60).await.unwrap().count,
        2
    );
    let rate = s.count_link_request(link.id, 160, 60).await.unwrap();
    assert_eq!((rate.count, rate.window_start), (1, 160));
    for n in 1..=4 {
        assert_eq!(s.take_pin_try(link.id, 100, 5).await.unwrap(), Some(n));
        assert_eq!(s.count_wrong_pin(link.id, 110, 5).await.unwrap(), n);
    }
    assert_eq!(
        s.share(link.id).await.unwrap().unwrap().status(150),
        ShareStatus::Active
    );
    // A try being checked counts against the limit; given back (a right PIN), it is free again.
    assert_eq!(s.take_pin_try(link.id, 110, 5).await.unwrap(), Some(5));
    assert_eq!(
        s.take_pin_try(link.id, 110, 5).await.unwrap(),
        None,
        "no try left"
    );
    // A try a crash left taken stops counting once it is PIN_TRY_HOLD_SECS old.
    let hold = pde_server::storage::PIN_TRY_HOLD_SECS;
    assert_eq!(
        s.take_pin_try(link.id, 110 + hold - 1, 5).await.unwrap(),
        None
    );
    assert_eq!(
        s.take_pin_try(link.id, 110 + hold - 1 + hold, 5)
            .await
            .unwrap(),
        Some(5)
    );
    s.give_back_pin_try(link.id).await.unwrap();
    assert_eq!(s.share(link.id).await.unwrap().unwrap().pin_failures, 4);
    assert_eq!(s.take_pin_try(link.id, 300, 5).await.unwrap(), Some(5));
    assert_eq!(s.count_wrong_pin(link.id, 300, 5).await.unwrap(), 5);
    assert_eq!(s.take_pin_try(link.id, 9999, 5).await.unwrap(), None);
    let locked = s.share(link.id).await.unwrap().unwrap();
    assert_eq!(
        (
            locked.status(150),
            locked.locked_at,
            locked.pin_failures,
            locked.note
        ),
        (ShareStatus::Locked, Some(300), 5, None)
    );
    assert!(s.shared_documents(link.id).await.unwrap().is_empty());
    assert!(
        !s.record_receipt(link.id, d1.id, 150, ReceiptAction::Open, ReceiptBy::Link)
            .await
            .unwrap()
    );

    // Revocation: only by the owner; envelopes and note go, history stays.
    let revocable = share(ShareAudience::Worker(w.account_id), vec![d1.id]);
    s.create_share(&revocable).await.unwrap();
    assert!(
        !s.revoke_share(w.account_id, revocable.id, 150)
            .await
            .unwrap()
    );
    assert!(s.revoke_share(holder.id, revocable.id, 150).await.unwrap());
    assert!(s.revoke_share(holder.id, revocable.id, 160).await.unwrap());
    let revoked = s.share(revocable.id).await.unwrap().unwrap();
    assert_eq!((revoked.revoked_at, revoked.note), (Some(150), None));
    assert!(s.shared_documents(revocable.id).await.unwrap().is_empty());
    // Revoking a locked link keeps it "locked".
    assert!(s.revoke_share(holder.id, link.id, 150).await.unwrap());
    assert_eq!(
        s.share(link.id).await.unwrap().unwrap().status(150),
        ShareStatus::Locked
    );

    // The holder's view: newest first, with worker, document ids and receipts.
    let mine = s.holder_shares(holder.id, 0).await.unwrap();
    assert_eq!(
        mine.iter().map(|h| h.share.id).collect::<Vec<_>>(),
        vec![revocable.id, link.id, to_worker.id]
    );
    let first = &mine[2];
    assert_eq!(first.worker.as_ref().unwrap().code, code);
    assert_eq!(first.document_ids, vec![d2.id, d1.id]);
    assert_eq!(
        first.receipts,
        vec![
            Receipt {
                document_id: d1.id,
                at: 150,
                action: ReceiptAction::Open,
                by: ReceiptBy::Worker
            },
            Receipt {
                document_id: d1.id,
                at: 160,
                action: ReceiptAction::Download,
                by: ReceiptBy::Worker
            },
        ]
    );
    assert!(mine[1].worker.is_none());
    assert!(s.holder_shares(w.account_id, 0).await.unwrap().is_empty());

    // The purge: envelopes and notes of expired shares; rows, ids and receipts stay.
    assert_eq!(
        s.purge_expired_shares(199).await.unwrap(),
        PurgedShares::default()
    );
    assert_eq!(
        s.purge_expired_shares(200).await.unwrap(),
        PurgedShares {
            envelopes: 2,
            notes: 1
        }
    );
    assert!(s.shared_documents(to_worker.id).await.unwrap().is_empty());
    let after = s.holder_shares(holder.id, 0).await.unwrap();
    assert_eq!(after[2].document_ids, vec![d2.id, d1.id]);
    assert_eq!(after[2].receipts.len(), 2);
    assert_eq!(
        s.purge_expired_shares(300).await.unwrap(),
        PurgedShares::default()
    );

    // Deleting a document drops it from the shares' lists, not the receipts.
    assert!(s.delete_document(holder.id, d1.id, 300).await.unwrap());
    let after = s.holder_shares(holder.id, 0).await.unwrap();
    assert_eq!(after[2].document_ids, vec![d2.id]);
    assert_eq!(after[2].receipts.len(), 2);
}

#[tokio::test]
async fn storage_story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("story.sqlite").display()
    );
    let storage = SqlStorage::connect(&url).await.unwrap();
    story(&storage).await;
    sharing_story(&storage).await;
    // Connecting again runs no migration twice and keeps the data.
    let again = SqlStorage::connect(&url).await.unwrap();
    assert!(again.account_by_pseudonym("alice").await.unwrap().is_some());
}

#[tokio::test]
async fn storage_story_on_postgres() {
    let url = crate::common::databases::fresh_postgres_url().await;
    let storage = SqlStorage::connect(&url).await.unwrap();
    story(&storage).await;
    sharing_story(&storage).await;
    // Connecting again runs no migration twice and keeps the data.
    let again = SqlStorage::connect(&url).await.unwrap();
    assert!(again.account_by_pseudonym("alice").await.unwrap().is_some());
}
