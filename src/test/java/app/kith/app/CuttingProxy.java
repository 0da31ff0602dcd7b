package app.kith.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a server that drops the connection once a connection has carried more
 * than {@code cutAfter} bytes from the server, for the first {@code cuts} such connections: a
 * server that goes away in the middle of a download.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final long cutAfter;
  final AtomicInteger cutsLeft;
  final AtomicInteger cutsDone = new AtomicInteger();

  CuttingProxy(int targetPort, long cutAfter, int cuts) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.cutAfter = cutAfter;
    this.cutsLeft = new AtomicInteger(cuts);
    Thread t = new Thread(this::accept, "cutting-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    Thread t = new Thread(() -> {
      long seen = 0;
      byte[] buf = new byte[1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          seen += n;
          if (fromServer && seen > cutAfter && cutsLeft.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
            cutsDone.incrementAndGet();
            break;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side went away
      } finally {
        close(from);
        close(to);
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
