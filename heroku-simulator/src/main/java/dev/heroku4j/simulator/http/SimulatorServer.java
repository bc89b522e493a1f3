package dev.heroku4j.simulator.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.heroku4j.simulator.fault.Fault;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP side, on Reactor Netty's {@link HttpServer}: it turns Netty requests into {@link SimRequest}s and
 * {@link SimResponse}s back into bytes on the wire. Netty gives direct access to the channel, which is what the
 * connection-reset and truncated-body faults need.
 */
public final class SimulatorServer implements AutoCloseable {

	private static final Duration TRUNCATE_CLOSE_DELAY = Duration.ofMillis(150);

	private final DisposableServer server;

	private SimulatorServer(DisposableServer server) {
		this.server = server;
	}

	/** Binds and starts serving; port 0 picks a free port. */
	public static SimulatorServer start(String host, int port, RequestHandler handler) {
		DisposableServer server = HttpServer.create()
			.host(host)
			.port(port)
			.handle((request, response) -> {
				// Taken now, while the connection is certainly live: the faults act on the raw channel later.
				AtomicReference<Channel> channel = new AtomicReference<>();
				request.withConnection(connection -> channel.set(connection.channel()));
				return request.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(new byte[0])
				.flatMap(body -> {
					SimResponse answer = handler.handle(toSimRequest(request, body));
					Mono<Void> send = send(response, answer, channel.get());
					return answer.latency().isZero() ? send : Mono.delay(answer.latency()).then(send);
				});
			})
			.bindNow(Duration.ofSeconds(10));
		return new SimulatorServer(server);
	}

	public int port() {
		return this.server.port();
	}

	public String host() {
		return this.server.host();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private static SimRequest toSimRequest(HttpServerRequest request, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
		String uri = request.uri();
		int q = uri.indexOf('?');
		String path = q < 0 ? uri : uri.substring(0, q);
		String query = q < 0 ? "" : uri.substring(q + 1);
		String host = request.requestHeaders().get("Host");
		if (host == null) {
			host = request.hostAddress() != null ? request.hostAddress().getHostString() + ":" + request.hostAddress().getPort() : "127.0.0.1";
		}
		return new SimRequest(request.method().name(), path, query, headers, body, "http://" + host);
	}

	private static Mono<Void> send(HttpServerResponse response, SimResponse answer, Channel channel) {
		Fault fault = answer.fault();
		if (fault != null && fault.kind() == Fault.Kind.CONNECTION_RESET) {
			// SO_LINGER 0 makes close() send a TCP RST instead of a FIN.
			return Mono.fromRunnable(() -> reset(channel));
		}
		response.status(HttpResponseStatus.valueOf(answer.status()));
		answer.headers().forEach(response::header);
		if (answer.lines() != null) {
			// An error in the lines is an injected cut. Netty would drop what it had not flushed yet, so the cut waits
			// until every line before it is written, then closes (FIN) without the last chunk: the client reads each
			// line sent and then an interrupted transfer.
			AtomicBoolean cut = new AtomicBoolean();
			return response.sendString(answer.lines().onErrorResume(ex -> {
				cut.set(true);
				return Flux.empty();
			})).then().then(Mono.defer(() -> cut.get() ? Mono.fromRunnable(channel::close).then(Mono.never()) : Mono.empty()));
		}
		if (fault != null && fault.kind() == Fault.Kind.TRUNCATED_BODY && answer.body().length > 0) {
			byte[] half = Arrays.copyOf(answer.body(), answer.body().length / 2);
			response.header("Content-Length", String.valueOf(answer.body().length));
			// The close is scheduled on the channel itself: Netty would otherwise keep waiting for the promised bytes.
			channel.eventLoop().schedule(() -> reset(channel), TRUNCATE_CLOSE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
			return response.sendByteArray(Mono.just(half)).then();
		}
		response.header("Content-Length", String.valueOf(answer.body().length));
		return answer.body().length == 0 ? response.send().then() : response.sendByteArray(Mono.just(answer.body())).then();
	}

	private static void reset(Channel channel) {
		channel.config().setOption(ChannelOption.SO_LINGER, 0);
		channel.close();
	}

}
