/** A handler as real apps write it: the AWS SDK v3 that Lambda's nodejs22.x image provides, not bundled. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { pathParameters?: Record<string, string> }) {
  const id = event.pathParameters?.id ?? 'none';
  await documents.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { id, done: false } }));
  return { statusCode: 201, body: JSON.stringify({ id, region: process.env.AWS_REGION }) };
}
