//! Sends the mail that jobs ask for: over SMTP when configured, otherwise as `.eml` files in a
//! folder (so a development installation needs no mail server).

use anyhow::Context;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use samenspel_web::mail::OutgoingMail;

pub enum Mailer {
    Files(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn from_config(smtp_url: &str, mail_dir: &str) -> anyhow::Result<Mailer> {
        if smtp_url.trim().is_empty() {
            std::fs::create_dir_all(mail_dir).with_context(|| format!("creating {mail_dir}"))?;
            Ok(Mailer::Files(AsyncFileTransport::new(mail_dir)))
        } else {
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
                .context("SAMENSPEL_SMTP_URL is not a valid smtp:// or smtps:// URL")?
                .build();
            Ok(Mailer::Smtp(transport))
        }
    }

    pub async fn send(&self, from: &str, mail: &OutgoingMail) -> anyhow::Result<()> {
        let mut builder = Message::builder();
        if let Some(address) = &mail.unsubscribe {
            // RFC 8058: mail programs offer a one-click "unsubscribe" that posts to it.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{address}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let from: lettre::message::Mailbox =
            from.parse().context("mail_from is not a valid address")?;
        // A Message-ID in the sender's own domain, the moment of sending, and MIME-Version
        // (set by `singlepart`): spam filters and mail programs expect all three.
        let message_id = format!(
            "<{}@{}>",
            samenspel_web::http::random_token(18),
            from.email.domain()
        );
        let message = builder
            .message_id(Some(message_id))
            .date_now()
            .from(from)
            .to(mail
                .to
                .parse()
                .context("recipient is not a valid address")?)
            .subject(mail.subject.clone())
            // Quoted-printable keeps the text readable in the raw message and links intact.
            .singlepart(
                SinglePart::builder().header(ContentType::TEXT_PLAIN).body(
                    Body::new_with_encoding(
                        mail.body.clone(),
                        ContentTransferEncoding::QuotedPrintable,
                    )
                    .map_err(|_| anyhow::anyhow!("mail body cannot be encoded"))?,
                ),
            )?;
        match self {
            Mailer::Files(transport) => {
                transport.send(message).await?;
            }
            Mailer::Smtp(transport) => {
                transport.send(message).await?;
            }
        }
        Ok(())
    }
}
