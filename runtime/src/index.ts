/**
 * fastapi-ts: FastAPI's model in TypeScript. Web-standard core (runs in Node, browsers' workers, Deno, Bun).
 * @packageDocumentation
 */
export { FastAPI, type FastAPIOptions, type ErrorClass, type DispatchOptions } from "./app.ts";
export { APIRouter, type RouterOptions, type ApiRouteOptions, type OperationDeclarer } from "./routing/apirouter.ts";
export { APIRoute } from "./routing/route.ts";
export { generateUniqueId, type Handler, type OperationOptions, type ResponseSpec, type ResponseClass, type RouteInfo, type SharedOptions } from "./routing/operation.ts";
export { Path, Query, Header, Cookie, Body, Form, File, Param, FileParam, type ParamOptions, type HeaderOptions, type BodyOptions, type FormOptions, type FileOptions, type OpenAPIExample, type ParamSource, type ParamDeclaration, type ParamsDeclaration, type ParamValue, type ParamValues } from "./params/markers.ts";
export { UploadFile } from "./datastructures.ts";
export { Request, ClientDisconnect, BodyTooLarge, type Address } from "./request.ts";
export { InvalidJsonEncoding } from "./json-text.ts";
export { defaultFormLimits, type FormLimits } from "./forms/limits.ts";
export type { Spooler, SpoolFile } from "./forms/spool.ts";
export { parseHost, type HostParts } from "./host.ts";
export { Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse, StreamingResponse, guessMediaType, type ResponseInit, type CookieOptions, type StreamSource, type ResponseBody } from "./responses.ts";
export { HTTPException, RequestValidationError, ResponseValidationError, type HTTPExceptionOptions, type ValidationErrorItem } from "./exceptions.ts";
export { httpExceptionHandler, requestValidationExceptionHandler, type ExceptionHandler } from "./handlers.ts";
export { jsonableEncoder, type JsonableEncoderOptions, type JsonValue } from "./encoders.ts";
export { DateTime, CalendarDate, TimeOfDay, type DateTimeInit, type CalendarDateInit, type TimeOfDayInit } from "./datetime/values.ts";
export { Duration, type DurationInit } from "./datetime/duration.ts";
export type { TemporalValue } from "./datetime/base.ts";
export { datetime, awareDatetime, naiveDatetime, date, time, timedelta, type TemporalKind } from "./datetime/schemas.ts";
export { validationErrors } from "./validation/errors.ts";
export { excludeUnset } from "./validation/received.ts";
export { modelJsonSchema } from "./openapi/schema.ts";
export { status, statusPhrase } from "./status.ts";
export { TestClient, TestResponse, type TestClientOptions, type TestRequestOptions, type FileSpec } from "./testclient.ts";
export { getOpenAPI, type OpenAPIObject, type OpenAPIOptions, type Contact, type License, type Server, type TagMetadata } from "./openapi/generate.ts";
export { getSwaggerUiHtml, getRedocHtml, getSwaggerUiOauth2RedirectHtml, swaggerUiDefaultParameters, type SwaggerUiHtmlOptions, type RedocHtmlOptions } from "./openapi/docs.ts";
export { LinearRouter, compilePath, type Router, type MatchResult, type RouteMatch, type CompiledPath } from "./router.ts";
export { Depends, Security, DependsMarker, dependency, type Dependency, type DependencyClass, type Dependable, type DependableValue, type DependsOptions, type SecurityOptions, type DependencyScope, type Provided } from "./dependencies/depends.ts";
export type { DependencyOverrides, SecurityRequirement } from "./dependencies/dependant.ts";
export { FastAPIError } from "./dependencies/teardown.ts";
export { SecurityBase, getAuthorizationSchemeParam, type SecurityBaseOptions, type SecuritySchemeObject, type MaybeCredentials, type SecurityParams } from "./security/base.ts";
export { SecurityScopes } from "./security/scopes.ts";
export { OAuth2, OAuth2PasswordBearer, OAuth2AuthorizationCodeBearer, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict, type OAuth2Options, type OAuth2PasswordBearerOptions, type OAuth2AuthorizationCodeBearerOptions, type OAuth2PasswordRequestFormValues, type OAuthFlow, type OAuthFlows } from "./security/oauth2.ts";
export { HTTPBase, HTTPBasic, HTTPBearer, HTTPDigest, HTTPBasicCredentials, HTTPAuthorizationCredentials, type HTTPBaseOptions, type HTTPBasicOptions, type HTTPBearerOptions } from "./security/http.ts";
export { APIKeyBase, APIKeyQuery, APIKeyHeader, APIKeyCookie, type APIKeyOptions } from "./security/apikey.ts";
export { OpenIdConnect, type OpenIdConnectOptions } from "./security/openidconnect.ts";
export { compareDigest } from "./security/compare.ts";
// Issue 5: websockets, middleware, background tasks, sub-applications, files, lifespan, settings, templates.
export { provide, isInjectable, type Injectable } from "./injection.ts";
export { BackgroundTasks, type BackgroundTask } from "./background.ts";
export { type BodySource, type RequestApp, type RequestInit } from "./request.ts";
export { type RouteClass, type WebSocketDeclarer } from "./routing/apirouter.ts";
export { type CallbackRoute } from "./routing/operation.ts";
export { type MiddlewareEntry } from "./app.ts";
export { BaseHTTPMiddleware, addVary, type CallNext, type Dispatch, type MiddlewareClass, type MiddlewareFunction, type MiddlewareInstance } from "./middleware/base.ts";
export { CORSMiddleware, type CORSOptions } from "./middleware/cors.ts";
export { GZipMiddleware, type GZipOptions } from "./middleware/gzip.ts";
export { TrustedHostMiddleware, type TrustedHostOptions } from "./middleware/trustedhost.ts";
export { HTTPSRedirectMiddleware } from "./middleware/httpsredirect.ts";
export { WebSocket, type WebSocketState, type AcceptOptions } from "./websockets/websocket.ts";
export { WebSocketDisconnect, WebSocketException, WebSocketRequestValidationError } from "./websockets/exceptions.ts";
export { createWebSocketPair, MemoryWebSocketClient, type WebSocketTransport, type WebSocketMessage, type WebSocketEvent, type Handshake } from "./websockets/transport.ts";
export { WebSocketRoute, type WebSocketHandler, type WebSocketOptions } from "./websockets/route.ts";
export { Mount, appRootPath, type Mountable, type FetchApp, type DispatchApp } from "./mount.ts";
export { LifespanRunner, type Lifespan, type LifespanState, type EventHandler } from "./lifespan.ts";
export { FileResponse, parseRange, fileEtag, httpDate, type FileResponseInit } from "./files/fileresponse.ts";
export {
  MemoryFileSystem,
  setDefaultFileSystem,
  getDefaultFileSystem,
  workingDirectory,
  isWritable,
  joinPath,
  type FileSystem,
  type WritableFileSystem,
  type FileStat,
} from "./files/filesystem.ts";
export { HostFileSystem } from "./files/hostfs.ts";
export { StaticFiles, safeSegments, type StaticFilesOptions } from "./staticfiles.ts";
export { WebSocketTestSession, type WebSocketConnectOptions } from "./testclient.ts";
export { settings, loadSettings, parseDotenv, setDefaultEnv, SettingsError, type SettingsOptions, type SettingsDependency } from "./settings.ts";
export { applyProxyHeaders, type ProxyHeadersOptions } from "./middleware/proxyheaders.ts";
export { Jinja2Templates, type TemplatesOptions, type TemplateContext } from "./templating.ts";
export { EventSourceResponse, ServerSentEvent, formatSseEvent, encodeSseItem, KEEPALIVE_COMMENT, type EventSourceResponseInit, type ServerSentEventInit, type SseFields } from "./sse.ts";
export { JSON_LINES_MEDIA_TYPE, type StreamKind } from "./routing/stream.ts";
export { base64Bytes, isCodec, containsCodec } from "./codecs.ts";
export { Frontend, FrontendRoute, isBrowserNavigation, type FrontendOptions, type FrontendFallback } from "./frontend.ts";
