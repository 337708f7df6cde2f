#!/usr/bin/env bash
# Creates what template.yaml creates on AWS for the data path: the table exactly as
# ru.unitecon.core.store.TableDefinition defines it (keys, the sparse "due" index, TTL on expiresAt), the changes
# queue and the events queue (which API Gateway's events route fills), each with its dead-letter queue. Runs inside the LocalStack container, where awslocal is installed.
set -euo pipefail

TABLE=${TABLE_NAME:-unit-economics}

awslocal dynamodb create-table \
  --table-name "$TABLE" \
  --billing-mode PAY_PER_REQUEST \
  --attribute-definitions \
      AttributeName=PK,AttributeType=S AttributeName=SK,AttributeType=S \
      AttributeName=dueBucket,AttributeType=S AttributeName=dueKey,AttributeType=S \
  --key-schema AttributeName=PK,KeyType=HASH AttributeName=SK,KeyType=RANGE \
  --global-secondary-indexes \
      'IndexName=due,KeySchema=[{AttributeName=dueBucket,KeyType=HASH},{AttributeName=dueKey,KeyType=RANGE}],Projection={ProjectionType=KEYS_ONLY}'
awslocal dynamodb update-time-to-live --table-name "$TABLE" \
  --time-to-live-specification Enabled=true,AttributeName=expiresAt

DLQ_URL=$(awslocal sqs create-queue --queue-name unit-economics-changes-dlq --query QueueUrl --output text)
DLQ_ARN=$(awslocal sqs get-queue-attributes --queue-url "$DLQ_URL" --attribute-names QueueArn \
  --query Attributes.QueueArn --output text)
awslocal sqs create-queue --queue-name unit-economics-changes --attributes "{
  \"VisibilityTimeout\": \"1800\",
  \"RedrivePolicy\": \"{\\\"deadLetterTargetArn\\\":\\\"$DLQ_ARN\\\",\\\"maxReceiveCount\\\":\\\"10\\\"}\"
}"

EVENTS_DLQ_URL=$(awslocal sqs create-queue --queue-name unit-economics-events-dlq --query QueueUrl --output text)
EVENTS_DLQ_ARN=$(awslocal sqs get-queue-attributes --queue-url "$EVENTS_DLQ_URL" --attribute-names QueueArn \
  --query Attributes.QueueArn --output text)
awslocal sqs create-queue --queue-name unit-economics-events --attributes "{
  \"VisibilityTimeout\": \"1800\",
  \"MaximumMessageSize\": \"65536\",
  \"RedrivePolicy\": \"{\\\"deadLetterTargetArn\\\":\\\"$EVENTS_DLQ_ARN\\\",\\\"maxReceiveCount\\\":\\\"10\\\"}\"
}"

echo "unit-economics: table $TABLE, queues unit-economics-changes and unit-economics-events (each with its DLQ) ready"
