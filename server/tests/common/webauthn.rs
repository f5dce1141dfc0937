//! A software authenticator for the passkey tests: a P-256 key (ring, already a dependency of
//! the server), and the attestation and assertion objects a browser would send, built by hand
//! so that a test can change exactly one thing (origin, RP id, user verification, challenge).
//! `webauthn-authenticator-rs`'s software passkey would pull a large tree of dependencies
//! (USB, NFC, its own CBOR stack) for what these few lines do.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::{Value, json};

/// Flags of authenticator data.
pub const UP: u8 = 0x01;
pub const UV: u8 = 0x04;
pub const BE: u8 = 0x08;
pub const BS: u8 = 0x10;
const AT: u8 = 0x40;

/// The relying party the test server is configured with.
pub const ORIGIN: &str = "https://pde.example";
pub const RP_ID: &str = "pde.example";

/// What a ceremony answer says, all of it as a correct authenticator would by default.
#[derive(Clone)]
pub struct Answer {
    pub origin: String,
    pub rp_id: String,
    pub flags: u8,
    /// Replaces the options' challenge (a foreign challenge).
    pub challenge: Option<String>,
}

impl Default for Answer {
    fn default() -> Self {
        Self {
            origin: ORIGIN.into(),
            rp_id: RP_ID.into(),
            flags: UP | UV | BE | BS,
            challenge: None,
        }
    }
}

pub struct SoftPasskey {
    pub credential_id: Vec<u8>,
    key: EcdsaKeyPair,
    rng: SystemRandom,
    pub counter: u32,
    /// The user handle stored at registration (discoverable credential).
    pub user_handle: Vec<u8>,
}

fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn sha256(data: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, data)
        .as_ref()
        .to_vec()
}

/// CBOR byte string header and bytes.
fn cbor_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    match bytes.len() {
        n @ 0..=23 => out.push(0x40 | n as u8),
        n @ 24..=255 => out.extend([0x58, n as u8]),
        n => {
            out.push(0x59);
            out.extend((n as u16).to_be_bytes());
        }
    }
    out.extend_from_slice(bytes);
}

/// CBOR text string (short).
fn cbor_text(out: &mut Vec<u8>, text: &str) {
    assert!(text.len() < 24);
    out.push(0x60 | text.len() as u8);
    out.extend_from_slice(text.as_bytes());
}

impl SoftPasskey {
    pub fn new() -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let mut credential_id = vec![0u8; 32];
        ring::rand::SecureRandom::fill(&rng, &mut credential_id).unwrap();
        Self {
            credential_id,
            key,
            rng,
            counter: 0,
            user_handle: Vec::new(),
        }
    }

    fn cose_key(&self) -> Vec<u8> {
        let point = self.key.public_key().as_ref();
        assert_eq!(point.len(), 65);
        let mut out = vec![0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21];
        cbor_bytes(&mut out, &point[1..33]);
        out.push(0x22);
        cbor_bytes(&mut out, &point[33..]);
        out
    }

    fn client_data(kind: &str, options: &Value, answer: &Answer) -> Vec<u8> {
        let challenge = answer.challenge.clone().unwrap_or_else(|| {
            options["publicKey"]["challenge"]
                .as_str()
                .expect("options carry a challenge")
                .to_owned()
        });
        json!({
            "type": kind,
            "challenge": challenge,
            "origin": answer.origin,
            "crossOrigin": false,
        })
        .to_string()
        .into_bytes()
    }

    /// The `navigator.credentials.create()` answer to registration `options`.
    pub fn register(&mut self, options: &Value, answer: &Answer) -> Value {
        let user_id = options["publicKey"]["user"]["id"].as_str().unwrap();
        self.user_handle = URL_SAFE_NO_PAD.decode(user_id).unwrap();
        let client_data = Self::client_data("webauthn.create", options, answer);
        let mut auth_data = sha256(answer.rp_id.as_bytes());
        auth_data.push(answer.flags | AT);
        auth_data.extend(self.counter.to_be_bytes());
        auth_data.extend([0u8; 16]);
        auth_data.extend((self.credential_id.len() as u16).to_be_bytes());
        auth_data.extend(&self.credential_id);
        auth_data.extend(self.cose_key());
        let mut attestation = vec![0xa3];
        cbor_text(&mut attestation, "fmt");
        cbor_text(&mut attestation, "none");
        cbor_text(&mut attestation, "attStmt");
        attestation.push(0xa0);
        cbor_text(&mut attestation, "authData");
        cbor_bytes(&mut attestation, &auth_data);
        json!({
            "id": b64url(&self.credential_id),
            "rawId": b64url(&self.credential_id),
            "type": "public-key",
            "response": {
                "attestationObject": b64url(&attestation),
                "clientDataJSON": b64url(&client_data),
            },
            "clientExtensionResults": {},
        })
    }

    /// The `navigator.credentials.get()` answer to authentication `options`.
    pub fn assert(&mut self, options: &Value, answer: &Answer) -> Value {
        self.counter += 1;
        let client_data = Self::client_data("webauthn.get", options, answer);
        let mut auth_data = sha256(answer.rp_id.as_bytes());
        auth_data.push(answer.flags);
        auth_data.extend(self.counter.to_be_bytes());
        let mut signed = auth_data.clone();
        signed.extend(sha256(&client_data));
        let signature = self.key.sign(&self.rng, &signed).unwrap();
        json!({
            "id": b64url(&self.credential_id),
            "rawId": b64url(&self.credential_id),
            "type": "public-key",
            "response": {
                "authenticatorData": b64url(&auth_data),
                "clientDataJSON": b64url(&client_data),
                "signature": b64url(signature.as_ref()),
                "userHandle": b64url(&self.user_handle),
            },
            "clientExtensionResults": {},
        })
    }
}

use axum::http::{Method, StatusCode};

use super::{Holder, TestApp, TestResponse, b64};

/// A proof with the holder's current passphrase.
pub fn passphrase_proof(h: &Holder) -> Value {
    json!({"method": "passphrase", "auth_key": b64(&h.passphrase_auth)})
}

impl TestApp {
    /// Starts a registration for `h` with a passphrase proof: (ceremony, options, prf_salt).
    pub async fn passkey_register_start(&self, h: &Holder) -> (String, Value, String) {
        let r = self
            .call(
                Method::POST,
                "/api/v1/account/passkeys/start",
                Some(&h.session),
                Some(json!({"proof": passphrase_proof(h)})),
            )
            .await;
        r.assert_status(StatusCode::OK);
        let v = r.json();
        (
            v["ceremony"].as_str().unwrap().to_owned(),
            v["options"].clone(),
            v["prf_salt"].as_str().unwrap().to_owned(),
        )
    }

    pub async fn passkey_register_finish(
        &self,
        session: &str,
        ceremony: &str,
        credential: Value,
        slot: Option<&[u8]>,
    ) -> TestResponse {
        let mut body = json!({"ceremony": ceremony, "credential": credential, "name": "My phone"});
        if let Some(slot) = slot {
            body["slot"] = b64(slot).into();
        }
        self.call(
            Method::POST,
            "/api/v1/account/passkeys/finish",
            Some(session),
            Some(body),
        )
        .await
    }

    /// Adds a new software passkey to `h`; answers it and its listed view.
    pub async fn add_passkey(&self, h: &Holder, slot: Option<&[u8]>) -> (SoftPasskey, Value) {
        let mut pk = SoftPasskey::new();
        let (ceremony, options, _) = self.passkey_register_start(h).await;
        let credential = pk.register(&options, &Answer::default());
        let r = self
            .passkey_register_finish(&h.session, &ceremony, credential, slot)
            .await;
        r.assert_status(StatusCode::CREATED);
        (pk, r.json())
    }

    /// Starts a passkey log-in: (ceremony, options).
    pub async fn passkey_login_start(&self) -> (String, Value) {
        let r = self
            .call(Method::POST, "/api/v1/auth/passkey/start", None, None)
            .await;
        r.assert_status(StatusCode::OK);
        let v = r.json();
        (
            v["ceremony"].as_str().unwrap().to_owned(),
            v["options"].clone(),
        )
    }

    pub async fn passkey_login_finish(&self, ceremony: &str, credential: Value) -> TestResponse {
        self.call(
            Method::POST,
            "/api/v1/auth/passkey/finish",
            None,
            Some(json!({"ceremony": ceremony, "credential": credential})),
        )
        .await
    }

    /// Starts a confirmation by one of the session's passkeys: (ceremony, options).
    pub async fn passkey_confirm_start(&self, session: &str) -> (String, Value) {
        let r = self
            .call(
                Method::POST,
                "/api/v1/account/passkeys/confirm",
                Some(session),
                None,
            )
            .await;
        r.assert_status(StatusCode::OK);
        let v = r.json();
        (
            v["ceremony"].as_str().unwrap().to_owned(),
            v["options"].clone(),
        )
    }
}
