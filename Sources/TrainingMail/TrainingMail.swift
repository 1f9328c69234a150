/// Email (issue 18): the outbox's messages rendered from their templates and handed to a transport (an
/// SMTP relay, the system's `sendmail`, or a Maildir folder), with the scheduler that writes the messages
/// falling due later. The outbox itself, written in the same transaction as each change, is the store's
/// (`TrainingStore/Mail`).
public enum TrainingMail {}
