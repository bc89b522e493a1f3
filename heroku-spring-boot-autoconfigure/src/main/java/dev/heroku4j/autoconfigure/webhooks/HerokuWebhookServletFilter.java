package dev.heroku4j.autoconfigure.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.heroku4j.client.webhook.WebhookVerifier;

/**
 * The webhook endpoint of a servlet application (Spring MVC), for the one path, ahead of every filter that might read
 * the body (inside Spring Security's chains, just before authorization): it reads the body itself, at most the
 * configured size, and answers without a body, so nothing else reads an unverified delivery. A request to the path
 * with another method gets 405; any other request passes on.
 */
public final class HerokuWebhookServletFilter implements Filter {

    private final String path;

    private final HerokuWebhookReceiver receiver;

    public HerokuWebhookServletFilter(String path, HerokuWebhookReceiver receiver) {
        this.path = path;
        this.receiver = receiver;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (!this.path.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(req, res);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            response.setStatus(405);
            return;
        }
        int max = this.receiver.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            response.setStatus(this.receiver.refuse(413, "Content-Length " + request.getContentLengthLong()
                    + " is larger than the " + max + " bytes accepted"));
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), max);
        }
        catch (IOException ex) {
            response.setStatus(this.receiver.refuse(400, "the body could not be read: " + ex.getClass().getSimpleName()));
            return;
        }
        if (body == null) {
            response.setStatus(this.receiver.refuse(413, "the body is larger than the " + max + " bytes accepted"));
            return;
        }
        response.setStatus(this.receiver.receive(body, request.getContentType(),
                request.getHeader(WebhookVerifier.SIGNATURE_HEADER), request.getHeader("Authorization")));
    }

    /** The whole body, or {@code null} when it has more than {@code max} bytes (reading stops there). */
    private static byte[] read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1;) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
