package io.github.camelmarketo.emulator.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.github.camelmarketo.emulator.MarketoEmulator;

/**
 * Raw SOAP over java.net.http for tests: the vendor's seed envelopes (src/test/resources/seed-xml) or hand-built
 * bodies, re-signed with the emulator's credentials and a fresh timestamp.
 */
public final class SoapEnvelopes {

    static final String NS = "http://www.marketo.com/mktows/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SoapEnvelopes() {
    }

    /** The seed file's envelope with mktowsUserId, requestSignature and requestTimestamp replaced. */
    static String seed(String name, MarketoEmulator emulator) {
        return resign(seedAsPublished(name), emulator.getSoapUserId(), emulator.getSoapEncryptionKey(), now());
    }

    /** The seed file's envelope exactly as published (someone else's user id and a 2013 signature). */
    static String seedAsPublished(String name) {
        try (InputStream in = SoapEnvelopes.class.getResourceAsStream("/seed-xml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the authentication header values of {@code xml}. */
    static String resign(String xml, String userId, String key, String timestamp) {
        return xml.replaceAll("<mktowsUserId>[^<]*</mktowsUserId>", "<mktowsUserId>" + userId + "</mktowsUserId>")
                .replaceAll("<requestTimestamp>[^<]*</requestTimestamp>", "<requestTimestamp>" + timestamp + "</requestTimestamp>")
                .replaceAll("<requestSignature>[^<]*</requestSignature>",
                        "<requestSignature>" + RequestSignature.sign(key, timestamp, userId) + "</requestSignature>");
    }

    /** A signed envelope around {@code body} (namespace prefix {@code ns1}, xsi declared). */
    static String envelope(MarketoEmulator emulator, String extraHeaders, String body) {
        return envelope(emulator.getSoapUserId(), emulator.getSoapEncryptionKey(), extraHeaders, body);
    }

    /** An envelope around {@code body} signed for {@code userId} with {@code key}. */
    public static String envelope(String userId, String key, String extraHeaders, String body) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.marketo.com/mktows/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <SOAP-ENV:Header>
                    <ns1:AuthenticationHeader>
                      <mktowsUserId>x</mktowsUserId>
                      <requestSignature>x</requestSignature>
                      <requestTimestamp>x</requestTimestamp>
                    </ns1:AuthenticationHeader>
                    %s
                  </SOAP-ENV:Header>
                  <SOAP-ENV:Body>%s</SOAP-ENV:Body>
                </SOAP-ENV:Envelope>
                """.formatted(extraHeaders, body);
        return resign(xml, userId, key, now());
    }

    static String now() {
        return RequestSignature.timestamp(OffsetDateTime.now(ZoneOffset.ofHours(-7)));
    }

    static HttpResponse<String> post(MarketoEmulator emulator, String operation, String envelope) {
        return post(emulator.getSoapEndpoint(), operation, envelope);
    }

    public static HttpResponse<String> post(String endpoint, String operation, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "http://www.marketo.com/mktows/" + operation)
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + xml, e);
        }
    }

    /** Text of the first element named {@code localName} (any namespace), or null. */
    public static String text(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** Texts of all elements named {@code localName}. */
    static List<String> texts(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }

    /** Whether the first element named {@code localName} carries {@code xsi:nil="true"}. */
    static boolean isNil(Document doc, String localName) {
        Element element = (Element) doc.getElementsByTagNameNS("*", localName).item(0);
        return element != null && "true".equals(element.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
    }
}
