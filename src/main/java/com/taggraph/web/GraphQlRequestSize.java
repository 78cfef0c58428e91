package com.taggraph.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.taggraph.error.DomainException;
import com.taggraph.error.ErrorCode;

import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a GraphQL request body over {@code taggraph.graphql.max-request-bytes} with 413
 * and a GraphQL error (REQUEST_TOO_LARGE), before it is parsed: Spring reads the whole
 * JSON body into memory, so a huge query string would otherwise cost its size several
 * times over. A declared length is checked without reading; any other body is read up to
 * the limit and then handed on from memory (Spring would read all of it into memory
 * anyway).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphQlRequestSize extends OncePerRequestFilter {

	private final String path;

	private final long maxBytes;

	GraphQlRequestSize(GraphQlProperties graphQl, GraphQlLimits limits) {
		this.path = graphQl.getHttp().getPath();
		this.maxBytes = limits.maxRequestBytes().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !path.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
					"the request body is %d bytes; at most %d are accepted (taggraph.graphql.max-request-bytes)"
						.formatted(declared, maxBytes));
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		if (body.length > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
					"the request body is more than %d bytes; at most %d are accepted (taggraph.graphql.max-request-bytes)"
						.formatted(maxBytes, maxBytes));
			return;
		}
		if (JSON_NULL.matcher(new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1)).matches()) {
			// Spring for GraphQL 2.0.4 reads a JSON null as no request and fails with a
			// NullPointerException (500)
			refuse(response, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT,
					"the request body is JSON null; send an object with a \"query\"");
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final java.util.regex.Pattern JSON_NULL = java.util.regex.Pattern.compile("\\s*null\\s*");

	private void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("code", code.name(), DomainException.SUBJECT, List.of(), "max", maxBytes));
		response.getWriter().write(JSON.writeValueAsString(Map.of("errors", List.of(error))));
	}

	/** The request with its body already read into memory (within the limit). */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// the whole body is in memory already: it is available at once, and
					// then all read
					try {
						if (in.available() > 0) {
							listener.onDataAvailable();
						}
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			java.nio.charset.Charset charset = encoding == null ? StandardCharsets.UTF_8
					: java.nio.charset.Charset.forName(encoding);
			return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body), charset));
		}

	}

}
