//! Invariants that must hold with concurrent writers, on every database the suite runs on
//! (`PDE_TEST_DATABASE`): many requests start together on a multi-threaded runtime, so on
//! PostgreSQL they run in parallel transactions.

use std::sync::Arc;

use crate::common::sharing::*;
use crate::common::*;
use axum::http::StatusCode;
use futures_util::future::join_all;

/// Runs `n` copies of `job` at once, each on its own task; answers in order.
async fn at_once<F, Fut, T>(n: usize, job: F) -> Vec<T>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(job(i))).collect();
    join_all(tasks)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_uploads_against_a_quota_for_ten_store_exactly_ten() {
    const SIZE: u64 = 1_000;
    let t = Arc::new(TestApp::with_config(|c| c.quota_bytes = 10 * SIZE).await);
    let h = t.signup("quota racer").await;
    let session = Arc::new(h.session.clone());
    let answers = at_once(20, |i| {
        let (t, session) = (t.clone(), session.clone());
        async move {
            let r = t.reserve_raw(&session, SIZE).await;
            if r.status != StatusCode::CREATED {
                return (r.status, r.code());
            }
            let id = r.json()["id"].as_str().unwrap().to_owned();
            let content = vec![i as u8; SIZE as usize];
            let up = t.upload(&session, &id, &content).await;
            (up.status, String::new())
        }
    })
    .await;
    let stored = answers
        .iter()
        .filter(|a| a.0 == StatusCode::NO_CONTENT)
        .count();
    let refused = answers
        .iter()
        .filter(|a| a.0 == StatusCode::PAYLOAD_TOO_LARGE && a.1 == "quota_exceeded")
        .count();
    assert_eq!((stored, refused), (10, 10), "{answers:?}");
    assert_eq!(t.list_ids(&h.session).await.len(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_parallel_wrong_pins_lock_the_link_after_exactly_five() {
    let t = Arc::new(TestApp::new().await);
    let h = t.signup("pin racer").await;
    let doc = t.store(&h.session, b"a paper behind a pin").await;
    let link = Arc::new(
        t.make_link(&h.session, &[&doc], 86_400, Some("482916"))
            .await,
    );
    let answers = at_once(10, |i| {
        let (t, link) = (t.clone(), link.clone());
        async move {
            let pin = format!("{:06}", 100_000 + i);
            let r = t.link_call(&link, "open", Some(&pin)).await;
            (r.status, r.code())
        }
    })
    .await;
    let wrong = answers
        .iter()
        .filter(|a| *a == &(StatusCode::UNAUTHORIZED, "wrong_pin".to_owned()))
        .count();
    let refused = answers
        .iter()
        .filter(|a| {
            *a == &(StatusCode::GONE, "link_locked".to_owned())
                || *a
                    == &(
                        StatusCode::TOO_MANY_REQUESTS,
                        "too_many_attempts".to_owned(),
                    )
        })
        .count();
    assert_eq!((wrong, refused), (5, 5), "{answers:?}");
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine[0]["pin_failures"], 5);
    assert_eq!(mine[0]["status"], "locked");
    t.link_call(&link, "open", Some("482916"))
        .await
        .assert_error(StatusCode::GONE, "link_locked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_invitation_used_by_five_joins_at_once_makes_one_worker() {
    let t = Arc::new(TestApp::new().await);
    t.organisation("Samu Social").await;
    let token = Arc::new(t.invitation("Samu Social", 72).await);
    let answers = at_once(5, |i| {
        let (t, token) = (t.clone(), token.clone());
        async move {
            let secrets = Holder::new(&format!("racing worker {i}"));
            let r = t
                .join_raw(join_body(&secrets, &token, &format!("Worker {i}")))
                .await;
            let code = if r.status == StatusCode::CREATED {
                String::new()
            } else {
                r.code()
            };
            (r.status, code)
        }
    })
    .await;
    let joined = answers
        .iter()
        .filter(|a| a.0 == StatusCode::CREATED)
        .count();
    assert_eq!(joined, 1, "{answers:?}");
    for a in answers.iter().filter(|a| a.0 != StatusCode::CREATED) {
        assert_eq!(a.1, "invitation_invalid", "{answers:?}");
    }
    assert_eq!(t.db_count("SELECT COUNT(*) FROM workers").await, 1);
    assert_eq!(
        t.db_count("SELECT COUNT(*) FROM accounts WHERE kind = 'worker'")
            .await,
        1
    );
}
