package io.github.camelmarketo.emulator.soap;

import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;

/**
 * Builds SOAP faults the way Marketo writes them: {@code faultcode} Client, {@code faultstring}
 * {@code "20014 - Authentication failed"} and the detail
 * {@code <ns1:serviceException><name>mktServiceException</name><message>Authentication failed (20014)</message>
 * <code>20014</code></ns1:serviceException>}
 * (vendor-docs/soap-authentication-signature.md, soap-error-codes.md).
 */
final class SoapFaults {

    static final String NS = "http://www.marketo.com/mktows/";

    static final String INTERNAL_ERROR = "20011";
    static final String REQUEST_NOT_UNDERSTOOD = "20012";
    static final String AUTHENTICATION_FAILED = "20014";
    static final String REQUEST_LIMIT_EXCEEDED = "20015";
    static final String REQUEST_EXPIRED = "20016";
    static final String INVALID_REQUEST = "20017";
    static final String TIME_RANGE_EXCEEDED = "20022";
    static final String RATE_LIMIT_EXCEEDED = "20023";
    static final String CONCURRENCY_LIMIT_EXCEEDED = "20024";
    static final String LEAD_KEY_REQUIRED = "20101";
    static final String LEAD_KEY_BAD = "20102";
    static final String LEAD_NOT_FOUND = "20103";
    static final String LEAD_DETAIL_REQUIRED = "20104";
    static final String LEAD_ATTRIBUTE_BAD = "20105";
    static final String LEAD_SYNC_FAILED = "20106";
    static final String PARAMETER_REQUIRED = "20109";
    static final String BAD_PARAMETER = "20110";
    static final String LIST_NOT_FOUND = "20111";
    static final String BAD_STREAM_POSITION = "20122";

    /** The vendor's error table: code -> message. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("10001", "Internal Error"),
            Map.entry(INTERNAL_ERROR, "Internal Error"),
            Map.entry(REQUEST_NOT_UNDERSTOOD, "Request Not Understood"),
            Map.entry("20013", "Access Denied"),
            Map.entry(AUTHENTICATION_FAILED, "Authentication failed"),
            Map.entry(REQUEST_LIMIT_EXCEEDED, "Request Limit Exceeded"),
            Map.entry(REQUEST_EXPIRED, "Request Expired"),
            Map.entry(INVALID_REQUEST, "Invalid Request"),
            Map.entry("20019", "Unsupported Operation"),
            Map.entry(TIME_RANGE_EXCEEDED, "Time range specified in query filter exceeded limit"),
            Map.entry(RATE_LIMIT_EXCEEDED, "Rate Limit Exceeded"),
            Map.entry(CONCURRENCY_LIMIT_EXCEEDED, "Concurrency Limit Exceeded"),
            Map.entry(LEAD_KEY_REQUIRED, "Lead Key Required"),
            Map.entry(LEAD_KEY_BAD, "Lead Key Bad"),
            Map.entry(LEAD_NOT_FOUND, "Lead Not Found"),
            Map.entry(LEAD_DETAIL_REQUIRED, "Lead Detail Required"),
            Map.entry(LEAD_ATTRIBUTE_BAD, "Lead Attribute Bad"),
            Map.entry(LEAD_SYNC_FAILED, "Lead Sync Failed"),
            Map.entry("20107", "Activity Key Bad"),
            Map.entry("20108", "Lead Owner Not Found"),
            Map.entry(PARAMETER_REQUIRED, "Parameter Required"),
            Map.entry(BAD_PARAMETER, "Bad Parameter"),
            Map.entry(LIST_NOT_FOUND, "List Not Found"),
            Map.entry("20113", "Campaign Not Found"),
            Map.entry("20114", "Bad Parameter"),
            Map.entry(BAD_STREAM_POSITION, "Bad Stream Position"),
            Map.entry("20123", "Stream at End"));

    private SoapFaults() {
    }

    /** The vendor's short message for {@code code} ("Error" for codes outside the table). */
    static String title(String code) {
        return TITLES.getOrDefault(code, "Error");
    }

    /** A fault with the vendor's standard message for {@code code}. */
    static SoapFault fault(String code) {
        return fault(code, null);
    }

    /**
     * A fault for {@code code}; {@code detail} (if not null) replaces the standard text in the detail's
     * {@code message}, e.g. {@code "No lead found with EMAIL = x@y.com (20103)"}.
     */
    static SoapFault fault(String code, String detail) {
        String title = title(code);
        SoapFault fault = new SoapFault(code + " - " + title, Fault.FAULT_CODE_CLIENT);
        Element detailElement = fault.getOrCreateDetail();
        Document doc = detailElement.getOwnerDocument();
        Element exception = doc.createElementNS(NS, "ns1:serviceException");
        exception.appendChild(child(doc, "name", "mktServiceException"));
        exception.appendChild(child(doc, "message", (detail == null ? title : detail) + " (" + code + ")"));
        exception.appendChild(child(doc, "code", code));
        detailElement.appendChild(exception);
        return fault;
    }

    /** The {@code code} carried by a fault built here, or {@code null}. */
    static String codeOf(Throwable t) {
        if (t instanceof SoapFault soapFault && soapFault.getDetail() != null) {
            Element exception = (Element) soapFault.getDetail().getElementsByTagNameNS(NS, "serviceException").item(0);
            if (exception != null && exception.getElementsByTagName("code").getLength() > 0) {
                return exception.getElementsByTagName("code").item(0).getTextContent();
            }
        }
        return null;
    }

    /** Name of the serviceException detail element. */
    static QName detailName() {
        return new QName(NS, "serviceException");
    }

    private static Element child(Document doc, String name, String text) {
        Element element = doc.createElementNS(null, name);
        element.setTextContent(text);
        return element;
    }
}
