package io.streamling.internal.plan;

/** What fills a source topic when the program itself does: a socket connector, a queue. */
public sealed interface SourceFeed permits SocketEndpoint, QueueFeed {
}
