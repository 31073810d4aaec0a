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
export { Request, type Address } from "./request.ts";
export { Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse, StreamingResponse, FileResponse, guessMediaType, type ResponseInit, type CookieOptions, type FileResponseInit, type StreamSource, type ResponseBody } from "./responses.ts";
export { HTTPException, RequestValidationError, ResponseValidationError, type HTTPExceptionOptions, type ValidationErrorItem } from "./exceptions.ts";
export { httpExceptionHandler, requestValidationExceptionHandler, type ExceptionHandler } from "./handlers.ts";
export { jsonableEncoder, type JsonableEncoderOptions, type JsonValue } from "./encoders.ts";
export { status, statusPhrase } from "./status.ts";
export { TestClient, TestResponse, type TestClientOptions, type TestRequestOptions, type FileSpec } from "./testclient.ts";
export { getOpenAPI, type OpenAPIObject, type OpenAPIOptions, type Contact, type License, type Server, type TagMetadata } from "./openapi/generate.ts";
export { getSwaggerUiHtml, getRedocHtml, getSwaggerUiOauth2RedirectHtml, swaggerUiDefaultParameters, type SwaggerUiHtmlOptions, type RedocHtmlOptions } from "./openapi/docs.ts";
export { LinearRouter, compilePath, type Router, type MatchResult, type RouteMatch, type CompiledPath } from "./router.ts";
export { Depends, DependsMarker, dependency, type Dependency, type Dependable, type DependableValue, type DependsOptions, type Provided } from "./dependencies/depends.ts";
export type { DependencyOverrides } from "./dependencies/dependant.ts";
