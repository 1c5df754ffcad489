export type {
  JwtAuthorizationOptions,
  LambdaAuthorizationOptions,
} from './http-authorization';
export { HttpGatewayDomain } from './http-domain';
export { type HttpCorsOptions, HttpGateway, type HttpGatewayOptions } from './http-gateway';
export { HTTP_ACCESS_LOG_FORMAT, HttpGatewayStage } from './http-stage';
