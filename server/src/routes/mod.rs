//! The route table, one module per resource, and the OpenAPI document generated from it.

pub mod accounts;
pub mod auth;
pub mod documents;
pub mod health;
pub mod helpers;
pub mod invitations;
pub mod limited_view;
pub mod links;
pub mod passkeys;
pub mod record;
pub mod settings;
pub mod shared_with_me;
pub mod shares;
pub mod workers;

use std::sync::OnceLock;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;
use crate::validate::MAX_JSON_BYTES;
use crate::{layers, metrics, web};

#[derive(OpenApi)]
#[openapi(
    info(title = "PDE", description = "PDE HTTP API, version 1. See docs/api.md for the rules that hold for every route."),
    modifiers(&SessionBearer),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorCode))
)]
struct ApiDoc;

struct SessionBearer;

impl Modify for SessionBearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The session token answered by log-in, sign-up or worker join",
                    ))
                    .build(),
            ),
        );
    }
}

/// Every route, with its OpenAPI description.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::healthz))
        .routes(routes!(openapi_json))
        .routes(routes!(auth::params))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(accounts::create))
        .routes(routes!(accounts::get, accounts::delete))
        .routes(routes!(accounts::change_passphrase))
        .routes(routes!(passkeys::login_start))
        .routes(routes!(passkeys::login_finish))
        .routes(routes!(passkeys::list))
        .routes(routes!(passkeys::register_start))
        .routes(routes!(passkeys::register_finish))
        .routes(routes!(passkeys::confirm_start))
        .routes(routes!(passkeys::rename, passkeys::remove))
        .routes(routes!(settings::new_recovery))
        .routes(routes!(settings::list_sessions))
        .routes(routes!(settings::end_session))
        .routes(routes!(settings::end_other_sessions))
        .routes(routes!(record::get, record::put))
        .routes(routes!(documents::create, documents::list))
        .routes(routes!(documents::put_content, documents::get_content))
        .routes(routes!(documents::put_metadata))
        .routes(routes!(documents::delete))
        .routes(routes!(documents::hide))
        .routes(routes!(limited_view::put_owner_envelope))
        .routes(routes!(
            limited_view::get,
            limited_view::set,
            limited_view::remove
        ))
        .routes(routes!(
            limited_view::add_document,
            limited_view::remove_document
        ))
        .routes(routes!(invitations::lookup))
        .routes(routes!(workers::join))
        .routes(routes!(workers::by_code))
        .routes(routes!(shares::create, shares::list))
        .routes(routes!(shares::revoke))
        .routes(routes!(shared_with_me::list))
        .routes(routes!(shared_with_me::one))
        .routes(routes!(shared_with_me::content))
        .routes(routes!(shared_with_me::download))
        .routes(routes!(links::open))
        .routes(routes!(links::content))
        .routes(routes!(links::download))
        .routes(routes!(helpers::get, helpers::replace, helpers::remove))
        .routes(routes!(helpers::start))
        .routes(routes!(helpers::status))
        .routes(routes!(helpers::release))
        .routes(routes!(helpers::complete))
        .routes(routes!(helpers::list_for_holder))
        .routes(routes!(helpers::cancel))
        .routes(routes!(helpers::list_for_worker))
        .routes(routes!(helpers::approve))
}

/// The complete OpenAPI document: every route's own annotations, then the answers the
/// middleware gives on every route ([`MiddlewareAnswers`]).
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut api) = api_routes().split_for_parts();
    MiddlewareAnswers.modify(&mut api);
    api
}

/// The OpenAPI document, as JSON (served at `/api/openapi.json`).
pub fn openapi_document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        openapi()
            .to_json()
            .expect("the OpenAPI document serialises")
    })
}

/// The OpenAPI document as indented JSON with a final newline, as `pde-server openapi`
/// prints it. Paths, components and properties are in sorted order, so the text depends only
/// on the code.
pub fn openapi_pretty() -> String {
    let mut text = openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    text.push('\n');
    text
}

/// Adds, to every operation, the refusals the middleware of [`app`] and the shared extractors
/// give before or around any handler, so that each operation lists every status it can
/// answer. A status the route's own annotation already lists gets the codes appended to its
/// description; its body is `ErrorBody` either way.
struct MiddlewareAnswers;

impl MiddlewareAnswers {
    /// The answers that hold for `method` on `path`, given the operation as annotated.
    fn answers(method: &str, path: &str, op: &Operation) -> Vec<(&'static str, &'static str)> {
        let mutating = matches!(method, "post" | "put" | "delete" | "patch");
        let upload = method == "put" && path.ends_with("/content");
        let has_session = op.security.as_ref().is_some_and(|s| !s.is_empty());
        // A handler that answers `AppError`s (every route but health and this document) lists
        // `ErrorBody` responses in its own annotation.
        let error_body = Ref::from_schema_name("ErrorBody");
        let app_errors = op.responses.responses.values().any(|r| match r {
            RefOr::T(r) => r.content.values().any(|c| match c {
                RefOr::T(c) => matches!(&c.schema, Some(RefOr::Ref(s)) if *s == error_body),
                RefOr::Ref(_) => false,
            }),
            RefOr::Ref(_) => false,
        });
        let json_body = op.request_body.as_ref().is_some_and(|body| match body {
            RefOr::T(body) => body.content.contains_key("application/json"),
            RefOr::Ref(_) => true,
        });
        let mut out = vec![
            (
                "400",
                "bad_request (a path segment over 255 bytes, or a body that stops arriving)",
            ),
            ("414", "uri_too_long"),
            ("431", "headers_too_large"),
        ];
        if mutating {
            out.push(("403", "missing_client_header"));
        }
        if !upload {
            out.push(("408", "request_timeout"));
        }
        if json_body {
            out.push(("413", "payload_too_large (a JSON body over 256 KiB)"));
        }
        if app_errors {
            out.push(("500", "internal"));
            out.push((
                "503",
                "unavailable (the database or the blob store cannot be reached), with Retry-After",
            ));
        }
        if has_session {
            out.push(("401", "unauthenticated"));
            // Every session's use is recorded (idle timeout), which is a write.
            out.push(("507", "storage_full"));
        }
        out
    }

    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("patch", &mut item.patch),
            ];
            for (method, op) in operations {
                let Some(op) = op.as_mut() else { continue };
                for (status, codes) in Self::answers(method, path, op) {
                    let responses = &mut op.responses.responses;
                    match responses.get_mut(status) {
                        Some(RefOr::T(existing)) => {
                            let code = codes.split(' ').next().unwrap_or(codes);
                            if !existing.description.contains(code) {
                                existing.description = format!("{}; {codes}", existing.description);
                            }
                        }
                        Some(RefOr::Ref(_)) => {}
                        None => {
                            let content = Content::new(Some(Ref::from_schema_name("ErrorBody")));
                            let response = ResponseBuilder::new()
                                .description(codes)
                                .content("application/json", content)
                                .build();
                            responses.insert(status.to_owned(), RefOr::T(response));
                        }
                    }
                }
            }
        }
    }
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(get, path = "/api/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
async fn openapi_json() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        openapi_document(),
    )
}

/// The routes alone, without the web app fallback and the middleware: what the OpenAPI
/// document describes.
pub fn router() -> Router<AppState> {
    let (router, _) = api_routes().split_for_parts();
    router
}

/// The whole application: routes, web app fallback and middleware.
pub fn app(state: AppState) -> Router {
    router()
        .fallback(web::fallback)
        .method_not_allowed_fallback(web::method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            layers::body_idle_timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            layers::request_timeout,
        ))
        .layer(axum::middleware::from_fn(layers::require_client_header))
        .layer(axum::middleware::from_fn(layers::limit_path_segments))
        .layer(axum::middleware::from_fn(layers::transport_limits))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            layers::security_headers,
        ))
        .layer(axum::middleware::from_fn(layers::access_log))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::record,
        ))
        .with_state(state)
}
