package io.streamling.internal.plan;

/** What fills a source topic when the program itself does: a connector, a queue, a generator. */
public sealed interface SourceFeed permits ConnectorFeed, QueueFeed, GeneratedFeed {
}
