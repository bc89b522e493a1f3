package dev.heroku4j.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM's side of the loopback guard, for heroku.jar (its Apache HttpClient is {@code HttpClients.createSystem()},
 * which asks the default {@link ProxySelector}, and its log stream is a {@code URLConnection}, which does too): a
 * request for any host but loopback is sent to a dead loopback port instead, so it fails without leaving the
 * machine, and the host is remembered for the suite to report.
 */
final class LoopbackProxySelector extends ProxySelector {

	private static final Proxy DEAD_END = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9));

	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	@Override
	public List<Proxy> select(URI uri) {
		String host = uri.getHost();
		if (host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
			return List.of(Proxy.NO_PROXY);
		}
		this.refused.add(host + ":" + uri.getPort() + " (" + uri + ")");
		return List.of(DEAD_END);
	}

	@Override
	public void connectFailed(URI uri, SocketAddress address, IOException ex) {
	}

	/** One failed check per refused host, as for the node clients. */
	List<CheckResult> takeRefused(String client) {
		List<CheckResult> results = new ArrayList<>();
		for (String entry : this.refused) {
			results.add(CheckResult.failed(client, "off loopback: " + entry.substring(0, entry.indexOf(' ')),
					"a connection refused by the loopback guard: " + entry));
		}
		this.refused.clear();
		return results;
	}

}
