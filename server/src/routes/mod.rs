//! The route table, one module per resource, and the OpenAPI document generated from it.

pub mod accounts;
pub mod auth;
pub mod documents;
pub mod health;
pub mod invitations;
pub mod links;
pub mod shared_with_me;
pub mod shares;
pub mod workers;

use std::sync::OnceLock;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
    components(schemas(crate::error::ErrorBody))
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
        .routes(routes!(accounts::get))
        .routes(routes!(accounts::change_passphrase))
        .routes(routes!(documents::create, documents::list))
        .routes(routes!(documents::put_content, documents::get_content))
        .routes(routes!(documents::put_metadata))
        .routes(routes!(documents::delete))
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
}

/// The OpenAPI document, as JSON.
pub fn openapi_document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, api) = api_routes().split_for_parts();
        api.to_json().expect("the OpenAPI document serialises")
    })
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

/// The whole application: routes, web app fallback and middleware.
pub fn app(state: AppState) -> Router {
    let (router, _) = api_routes().split_for_parts();
    router
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
