//! Mail over SMTP, against a real SMTP server on loopback (aiosmtpd, installed by the README's
//! test command).

use crate::support::{Options, PASSWORD, TestApp, backends, decode_mail, link_in};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub(crate) struct SmtpServer {
    child: Child,
    pub(crate) port: u16,
    maildir: std::path::PathBuf,
}

impl SmtpServer {
    pub(crate) async fn start() -> SmtpServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let maildir =
            std::env::temp_dir().join(format!("samenspel-smtp-{}-{port}", std::process::id()));
        let mut child = Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (pip install aiosmtpd; the README's test command does)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return SmtpServer {
                    child,
                    port,
                    maildir,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the SMTP server did not start");
    }

    pub(crate) fn received(&self) -> Vec<String> {
        let dir = self.maildir.join("new");
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_mail_goes_out_over_smtp() {
    for backend in backends() {
        let smtp = SmtpServer::start().await;
        let options = Options {
            smtp_url: format!("smtp://127.0.0.1:{}", smtp.port),
            ..Options::default()
        };
        let app = TestApp::spawn_with(backend, options).await;
        let browser = app.browser();
        let fields = [
            ("name", "Karim"),
            ("email", "karim@example.nl"),
            ("password", PASSWORD),
        ];
        assert_eq!(browser.post("/register", &fields).await.status, 200);
        app.dispatch_mail().await;
        let received = smtp.received();
        assert_eq!(received.len(), 1, "{backend:?}");
        let activation = decode_mail(&received[0]);
        assert!(activation.contains("Activeer uw account"), "{activation}");
        let link = link_in(&activation, "/register/confirm?token=");
        let token = link.split("token=").nth(1).expect("token");
        let done = browser.post("/register/confirm", &[("token", token)]).await;
        assert_eq!(done.status, 303, "{backend:?}");

        let page = app
            .browser()
            .post("/password/forgot", &[("email", "karim@example.nl")])
            .await;
        assert_eq!(page.status, 200);
        app.dispatch_mail().await;
        let received = smtp.received();
        assert_eq!(received.len(), 2, "{backend:?}");
        let reset = received
            .iter()
            .find(|m| m.contains("Nieuw wachtwoord voor Samenspel"))
            .expect("the reset mail");
        assert!(reset.contains("karim@example.nl"));
        // What mail programs and spam filters expect of every message.
        for header in ["Message-ID: <", "Date: ", "MIME-Version: 1.0"] {
            assert!(reset.contains(header), "{header} in {reset}");
        }
        // Once sent, the text (with its working link) does not stay in the database.
        let before_purge = samenspel_store::now() + time::Duration::seconds(1);
        let purged = app
            .db
            .write(move |c| samenspel_store::jobs::purge_finished_mail(c, before_purge))
            .await
            .expect("purge");
        assert_eq!(purged, 2, "{backend:?}: the activation and the reset mail");
        assert_eq!(
            app.scalar("SELECT COUNT(*) FROM jobs WHERE payload LIKE '%/password/reset%'")
                .await,
            0
        );
    }
}
