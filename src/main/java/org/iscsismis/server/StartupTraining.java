package org.iscsismis.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The training run behind the class-data archive the build writes ({@code --exit-after-start}): a few requests the
 * running server answers over HTTP, so that the classes of the request path (Jetty's request handling, the CIM-XML
 * reader and writer, the dispatcher and the providers) are loaded and go into the archive with the start-up classes.
 */
final class StartupTraining {

    private static final String NAMESPACE = "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/>"
            + "<NAMESPACE NAME=\"storage\"/><NAMESPACE NAME=\"iscsitarget\"/></LOCALNAMESPACEPATH>";
    private static final String CLASS = "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"MSISCSITARGET_StorageSynchronized\"/>"
            + "</IPARAMVALUE>";

    private StartupTraining() {
    }

    /** Sends the requests to {@code server} ({@code http://host:port}); fails unless each is answered with 200. */
    static void exercise(URI server) {
        for (String method : new String[] {"EnumerateInstanceNames", "EnumerateInstances", "GetClass"}) {
            post(server, method, "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                    + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">" + NAMESPACE
                    + CLASS + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>");
        }
    }

    private static void post(URI server, String method, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /cimom HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Content-Type: application/xml; charset=utf-8\r\nCIMOperation: MethodCall\r\nCIMMethod: " + method + "\r\n"
                + "CIMObject: root%2Fcimv2%2Fstorage%2Fiscsitarget\r\nConnection: close\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("training request " + method + " failed: "
                        + answer.lines().findFirst().orElse("no answer"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("training request " + method + " failed", e);
        }
    }
}
