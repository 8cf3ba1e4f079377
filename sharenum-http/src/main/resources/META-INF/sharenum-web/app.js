// ShareNum reference front-end: plain JavaScript over the REST API (/api/v1), French, no build step.
'use strict';
(function () {
  const API = '/api/v1';
  const NIVEAUX = { NOVICE: 'Débutant', INTERMEDIATE: 'Intermédiaire', EXPERIENCED: 'Expérimenté (ex-pair)' };
  const STATUTS = { OPEN: 'ouverte', HELPER_OFFERED: 'aide proposée', HELPER_ACCEPTED: 'aide acceptée', SCHEDULED: 'atelier prévu',
    DONE: 'terminée', CANCELLED: 'annulée', EXPIRED: 'expirée', PLANNED: 'prévu', CONFIRMED: 'confirmé', HELD: 'a eu lieu' };
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem('sharenum.token'), me: null, tools: [], ticket: null, slot: null, establishment: null };
  let cartes = {};

  function annonce(texte) {
    const p = document.createElement('p');
    p.textContent = texte;
    $('annonces').replaceChildren(p);
    setTimeout(() => { if ($('annonces').firstChild === p) { p.remove(); } }, 8000);
  }

  async function api(method, path, body, headers) {
    const h = Object.assign({ 'Accept': 'application/json', 'Accept-Language': 'fr' }, headers || {});
    if (state.token) { h['Authorization'] = 'Bearer ' + state.token; }
    if (body !== undefined) { h['Content-Type'] = 'application/json'; }
    const r = await fetch(API + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 401 && state.token) { deconnexion(); }
    const type = r.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await r.json() : null;
    if (!r.ok) {
      annonce((data && data.detail) || 'Erreur ' + r.status);
      throw Object.assign(new Error(data && data.code), { problem: data });
    }
    return { data, etag: r.headers.get('ETag') };
  }

  function li(texte, ...enfants) {
    const e = document.createElement('li');
    if (texte) { e.append(document.createTextNode(texte)); }
    enfants.forEach((x) => e.append(' ', x));
    return e;
  }

  function bouton(texte, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = texte;
    b.addEventListener('click', action);
    return b;
  }

  const date = (iso) => new Date(iso).toLocaleString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

  // ---------------------------------------------------------------- navigation

  function montrer(id) {
    document.querySelectorAll('main > section').forEach((s) => { s.hidden = s.id !== id; });
    document.querySelectorAll('nav a').forEach((a) => {
      if (a.getAttribute('href') === '#' + id) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
    const vues = { profil: vueProfil, demande: vueDemande, demandes: vueDemandes, evenements: vueEvenements, badges: vueBadges, indicateurs: vueIndicateurs };
    if (vues[id]) { vues[id]().catch(() => {}); }
  }

  window.addEventListener('hashchange', () => route());
  function route() {
    const id = (location.hash || '#profil').substring(1);
    if (!state.token) { montrer('connexion'); return; }
    montrer($(id) && id !== 'connexion' ? id : 'profil');
  }

  // ---------------------------------------------------------------- sign-in

  async function vueConnexion() {
    const comptes = (await api('GET', '/dev/accounts')).data;
    $('comptes').replaceChildren(...comptes.map((c) => li('', bouton('Se connecter en tant que ' + c.displayName, async () => {
      const s = (await api('POST', '/dev/sign-in', { email: c.email })).data;
      state.token = s.token;
      sessionStorage.setItem('sharenum.token', s.token);
      await demarrer();
      location.hash = '#profil';
      route();
    }))));
  }

  function deconnexion() {
    state.token = null;
    state.me = null;
    sessionStorage.removeItem('sharenum.token');
    if (flux) { flux.abort(); }
    $('menu').hidden = true;
    location.hash = '#connexion';
    montrer('connexion');
  }
  $('deconnexion').addEventListener('click', deconnexion);

  async function demarrer() {
    state.me = (await api('GET', '/me')).data;
    state.tools = (await api('GET', '/tools')).data;
    state.establishment = (await api('GET', '/establishments/' + state.me.establishment)).data;
    const droits = (await api('GET', '/me/grants')).data;
    state.staff = droits.find((g) => g.privilege === 'ACADEMIE_STAFF' && !g.revokedAt);
    $('menu-indicateurs').hidden = !state.staff;
    $('menu').hidden = false;
    ecouter();
  }

  // ---------------------------------------------------------------- live inbox (SSE over fetch, resumed with Last-Event-ID)

  let flux = null;
  let dernier = 0;
  async function ecouter() {
    if (flux) { flux.abort(); }
    flux = new AbortController();
    const signal = flux.signal;
    const r0 = await api('GET', '/me/inbox?after=0&limit=500');
    dernier = r0.data.length ? r0.data[r0.data.length - 1].seq : 0;
    while (!signal.aborted && state.token) {
      try {
        const r = await fetch(API + '/me/inbox/stream', { signal, headers: { 'Authorization': 'Bearer ' + state.token,
          'Accept': 'text/event-stream', 'Last-Event-ID': String(dernier) } });
        const lecteur = r.body.getReader();
        const dec = new TextDecoder();
        let tampon = '';
        for (;;) {
          const { value, done } = await lecteur.read();
          if (done) { break; }
          tampon += dec.decode(value, { stream: true });
          let fin;
          while ((fin = tampon.indexOf('\n\n')) >= 0) {
            const bloc = tampon.substring(0, fin);
            tampon = tampon.substring(fin + 2);
            const ligne = (nom) => (bloc.split('\n').find((l) => l.startsWith(nom + ':')) || '').substring(nom.length + 1).trim();
            if (ligne('data')) { recu(JSON.parse(ligne('data'))); dernier = Number(ligne('id')) || dernier; }
          }
        }
      } catch (e) {
        if (signal.aborted) { return; }
      }
      await new Promise((ok) => setTimeout(ok, 2000));
    }
  }

  function recu(entree) {
    const n = entree.notification;
    const textes = {
      TicketAlert: () => 'Nouvelle demande d\'aide près de chez vous : ' + n.text,
      OfferReceived: () => n.helperName + ' propose son aide : ' + n.message,
      OfferAccepted: () => n.requesterName + ' a accepté votre aide.',
      MessagePosted: () => 'Message de ' + n.senderName + ' : ' + n.text,
      EventInvitation: () => 'Événement : ' + n.event.title,
      Waitlisted: () => 'Vous êtes en liste d\'attente pour ' + n.event.title
    };
    annonce((textes[n.type] || (() => 'Nouvelle notification'))());
    const vue = (location.hash || '').substring(1);
    if (vue === 'demandes') {
      vueDemandes().catch(() => {});
      if (state.ticket && n.ticket === state.ticket.id) { ouvrirDemande(state.ticket.id).catch(() => {}); }
    }
  }

  // ---------------------------------------------------------------- profile

  async function vueProfil() {
    const r = await api('GET', '/me');
    state.me = r.data;
    state.etag = r.etag;
    $('profil-resume').textContent = state.me.displayName + ' — ' + state.establishment.name;
    const lignes = Object.values(state.me.skills).map((s) => {
      const tr = document.createElement('tr');
      const outil = state.tools.find((t) => t.id === s.tool);
      tr.innerHTML = '<th scope="row"></th><td></td>';
      tr.firstChild.textContent = outil ? outil.name : s.tool;
      tr.lastChild.textContent = NIVEAUX[s.level];
      return tr;
    });
    $('outils').replaceChildren(...lignes);
    $('outil-nouveau').replaceChildren(...state.tools.map((t) => new Option(t.name, t.id)));
    $('themes-suivis').value = (state.me.followedThemes || []).join(', ');
  }

  $('ajout-outil').addEventListener('submit', async (e) => {
    e.preventDefault();
    await api('PUT', '/me/skills/' + $('outil-nouveau').value, { level: $('niveau-nouveau').value }, { 'If-Match': state.etag });
    annonce('Niveau enregistré.');
    await vueProfil();
  });

  $('themes').addEventListener('submit', async (e) => {
    e.preventDefault();
    const themes = $('themes-suivis').value.split(',').map((t) => t.trim()).filter((t) => t);
    await api('PATCH', '/me', { followedThemes: themes }, { 'If-Match': state.etag });
    annonce('Thèmes enregistrés.');
    await vueProfil();
  });

  // ---------------------------------------------------------------- map

  function carte(id) {
    if (cartes[id]) { cartes[id].invalidateSize(); return cartes[id]; }
    const loc = state.establishment.location;
    const m = L.map(id, { keyboard: true }).setView([loc.latitude, loc.longitude], 9);
    // no tile server: the base layer is the open data itself (académie contours, establishments)
    api('GET', '/map/layers/academies').then((r) => L.geoJSON(r.data, { style: { color: '#000091', weight: 1, fillOpacity: 0.03 } }).addTo(m)).catch(() => {});
    api('GET', '/map/layers/establishments').then((r) => L.geoJSON(r.data, {
      pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 4, color: '#3a3a3a' }).bindTooltip(f.properties.name || '')
    }).addTo(m)).catch(() => {});
    L.circleMarker([loc.latitude, loc.longitude], { radius: 7, color: '#000091', fillOpacity: 1 }).bindTooltip('Mon établissement').addTo(m);
    cartes[id] = m;
    return m;
  }

  // ---------------------------------------------------------------- open a ticket

  let cercle = null;
  async function vueDemande() {
    $('demande-outil').replaceChildren(...state.tools.map((t) => new Option(t.name, t.id)));
    $('demande-outil').value = 'capytale';
    const m = carte('carte-demande');
    dessinerRayon(m);
  }

  function dessinerRayon(m) {
    const loc = state.establishment.location;
    if (cercle) { cercle.remove(); }
    cercle = L.circle([loc.latitude, loc.longitude], { radius: Number($('demande-rayon').value) * 1000, color: '#000091' }).addTo(m);
  }

  $('demande-rayon').addEventListener('input', () => {
    $('rayon-valeur').textContent = $('demande-rayon').value;
    if (cartes['carte-demande']) { dessinerRayon(cartes['carte-demande']); }
  });

  $('voir-formations').addEventListener('click', async () => {
    const f = (await api('GET', '/trainings?tools=' + encodeURIComponent($('demande-outil').value))).data;
    $('formations').hidden = false;
    if (!f.length) {
      $('liste-formations').replaceChildren(li('Aucune formation institutionnelle à venir : vous pouvez ouvrir la demande.'));
    } else {
      $('liste-formations').replaceChildren(...f.map((t, i) => {
        const c = document.createElement('input');
        c.type = 'checkbox';
        c.id = 'decline-' + i;
        c.value = t.id;
        c.className = 'decline';
        c.addEventListener('change', majOuvrir);
        const l = document.createElement('label');
        l.htmlFor = c.id;
        l.textContent = 'Je décline « ' + t.title + ' » (' + date(t.start) + ', ' + t.place + ')';
        const e = li('');
        e.append(c, l);
        return e;
      }));
    }
    majOuvrir();
  });

  function majOuvrir() {
    const cases = [...document.querySelectorAll('.decline')];
    $('ouvrir-demande').disabled = !cases.every((c) => c.checked);
  }

  $('form-demande').addEventListener('submit', async (e) => {
    e.preventDefault();
    const declined = [...document.querySelectorAll('.decline')].map((c) => c.value);
    const t = (await api('POST', '/tickets', { tools: [$('demande-outil').value], text: $('demande-texte').value,
      radiusKm: Number($('demande-rayon').value), declinedTrainings: declined }, { 'Idempotency-Key': crypto.randomUUID() })).data;
    annonce('Demande ouverte : ' + t.alerts.length + ' collègue(s) alerté(s).');
    location.hash = '#demandes';
    await ouvrirDemande(t.id);
  });

  // ---------------------------------------------------------------- tickets

  async function vueDemandes() {
    const mine = (await api('GET', '/me/tickets?limit=100')).data.items;
    // the helper's board (tickets().board): open requests near me on the tools I master, soonest to expire first
    const tableau = (await api('GET', '/me/board?limit=100')).data.items;
    const ligne = (t) => li(t.text + ' — ' + STATUTS[t.status], bouton('Ouvrir', () => ouvrirDemande(t.id)));
    const entree = (e) => li((e.text || 'Demande sur ' + e.tools.join(', ')) + ' — à ' + e.distanceKm + ' km'
      + (e.sameEstablishment ? ' (mon établissement)' : '') + ' — ' + STATUTS[e.status]
      + (e.offered ? ' — aide proposée' : ''), bouton('Ouvrir', () => ouvrirDemande(e.ticket)));
    $('mes-demandes').replaceChildren(...(mine.length ? mine.map(ligne) : [li('Aucune demande.')]));
    $('mes-alertes').replaceChildren(...(tableau.length ? tableau.map(entree) : [li('Aucune demande autour de moi.')]));
  }

  async function ouvrirDemande(id) {
    const r = await api('GET', '/tickets/' + id);
    const t = r.data;
    state.ticket = t;
    state.ticketEtag = r.etag;
    $('detail-demande').hidden = false;
    $('detail-texte').textContent = t.text;
    $('detail-statut').textContent = 'Statut : ' + STATUTS[t.status];
    const moi = state.me.id;
    const demandeur = t.requester === moi;
    $('propositions').replaceChildren(...t.offers.map((o) => li(o.message + ' (' + o.helper + ')',
      ...(demandeur && t.status !== 'HELPER_ACCEPTED' && t.status !== 'SCHEDULED' && t.status !== 'DONE'
        ? [bouton('Accepter cette aide', async () => {
          await api('POST', '/tickets/' + t.id + '/acceptance', { helper: o.helper }, { 'If-Match': state.ticketEtag });
          annonce('Aide acceptée.');
          await ouvrirDemande(t.id);
        })] : []))));
    $('form-proposition').hidden = demandeur || t.offers.some((o) => o.helper === moi) || t.status !== 'OPEN' && t.status !== 'HELPER_OFFERED';
    const participant = t.acceptedHelper && (demandeur || t.acceptedHelper === moi);
    $('conversation-bloc').hidden = !participant;
    if (participant) {
      const msgs = (await api('GET', '/tickets/' + t.id + '/messages?limit=100')).data.items;
      $('conversation').replaceChildren(...msgs.map((m) => li((m.sender === moi ? 'Moi' : m.sender) + ' : ' + m.text)));
    }
  }

  $('form-proposition').addEventListener('submit', async (e) => {
    e.preventDefault();
    await api('POST', '/tickets/' + state.ticket.id + '/offers', { message: $('proposition-texte').value }, { 'Idempotency-Key': crypto.randomUUID() });
    annonce('Proposition envoyée.');
    await ouvrirDemande(state.ticket.id);
  });

  $('form-message').addEventListener('submit', async (e) => {
    e.preventDefault();
    await api('POST', '/tickets/' + state.ticket.id + '/messages', { text: $('message-texte').value }, { 'Idempotency-Key': crypto.randomUUID() });
    $('message-texte').value = '';
    await ouvrirDemande(state.ticket.id);
  });

  $('chercher-creneaux').addEventListener('click', async () => {
    const t = state.ticket;
    const maintenant = new Date();
    const q = { members: [t.requester, t.acceptedHelper], duration: 'PT2H', from: maintenant.toISOString(),
      to: new Date(maintenant.getTime() + 21 * 86400000).toISOString(), maxResults: 5 };
    if ($('avec-bus').checked) { Object.assign(q, { bus: 'busnum-21', busVenue: t.establishment }); }
    const slots = (await api('POST', '/common-slots', q)).data;
    $('creneaux').replaceChildren(...(slots.length ? slots.map((s) => li('', bouton(date(s.proposed.start), () => {
      state.slot = s;
      $('form-atelier').hidden = false;
      $('atelier-creneau').textContent = 'Créneau choisi : ' + date(s.proposed.start) + ($('avec-bus').checked ? ' (BusNum)' : '');
      $('atelier-titre').focus();
    }))) : [li('Aucun créneau commun sur trois semaines.')]));
  });

  $('form-atelier').addEventListener('submit', async (e) => {
    e.preventDefault();
    const t = state.ticket;
    const body = { ticket: t.id, title: $('atelier-titre').value, start: state.slot.proposed.start, duration: 'PT2H',
      capacity: Number($('atelier-places').value), establishment: t.establishment };
    if ($('avec-bus').checked) { body.bus = 'busnum-21'; }
    const ev = (await api('POST', '/events', body, { 'Idempotency-Key': crypto.randomUUID() })).data;
    await api('POST', '/events/' + ev.id + '/confirmation');
    $('atelier-cree').textContent = 'Atelier « ' + ev.title + ' » créé et annoncé aux collègues proches.';
    annonce('Atelier créé et confirmé.');
  });

  // ---------------------------------------------------------------- events

  // events().search through /events (the list, by pages) and /map/events (the map): the same query
  let marqueurs = null;
  let pointChoisi = null;
  let repere = null;
  let suivant = null;
  function jour(d) { return d.toISOString().slice(0, 10); }
  function requeteEvenements() {
    if (!$('recherche-debut').value) {
      const maintenant = new Date();
      $('recherche-debut').value = jour(new Date(maintenant.getTime() - 30 * 86400000));
      $('recherche-fin').value = jour(new Date(maintenant.getTime() + 90 * 86400000));
    }
    const q = new URLSearchParams();
    q.set('radiusKm', $('recherche-rayon').value);
    q.set('from', new Date($('recherche-debut').value + 'T00:00:00').toISOString());
    q.set('to', new Date($('recherche-fin').value + 'T23:59:59').toISOString());
    if ($('autour-point').checked && pointChoisi) {
      q.set('latitude', pointChoisi.lat.toFixed(5));
      q.set('longitude', pointChoisi.lng.toFixed(5));
    }
    if ($('recherche-outil').value) { q.set('tools', $('recherche-outil').value); }
    if ($('recherche-theme').value.trim()) { q.set('themes', $('recherche-theme').value.trim()); }
    const formats = [...document.querySelectorAll('input[name="format"]:checked')].map((c) => c.value);
    if (formats.length && formats.length < 3) { q.set('formats', formats.join(',')); }
    return q.toString();
  }

  function ligneEvenement(ev) {
    const moi = state.me.id;
    const inscrit = ev.registered.some((r) => r.member === moi);
    const actions = [];
    if (ev.status === 'CONFIRMED' && !inscrit && !ev.organisers.includes(moi)) {
      actions.push(bouton('M\'inscrire', async () => {
        await api('PUT', '/events/' + ev.id + '/registration');
        annonce('Inscription enregistrée.');
        await vueEvenements();
      }));
    }
    if (ev.status === 'HELD' && inscrit) {
      actions.push(bouton('Donner mon avis (5/5)', async () => {
        await api('POST', '/events/' + ev.id + '/feedback', { usefulness: 5, comment: 'Merci !' }, { 'Idempotency-Key': crypto.randomUUID() });
        annonce('Merci pour votre avis.');
      }));
    }
    const ou = ev.venue ? ev.venue.label + (ev.online ? ' et en ligne' : '') : 'en ligne';
    return li(ev.title + ' — ' + date(ev.start) + ' — ' + ou + ' — ' + STATUTS[ev.status]
      + (inscrit ? ' — inscrit·e' : '') + (ev.bus ? ' — BusNum' : ''), ...actions);
  }

  async function vueEvenements() {
    const m = carte('carte-evenements');
    if (!m.sharenumClic) {
      m.sharenumClic = true;
      m.on('click', (e) => {
        pointChoisi = e.latlng;
        $('autour-point').checked = true;
        if (repere) { repere.remove(); }
        repere = L.circleMarker(e.latlng, { radius: 6, color: '#000091' }).addTo(m);
        $('point-choisi').textContent = 'Point choisi : ' + e.latlng.lat.toFixed(3) + ', ' + e.latlng.lng.toFixed(3) + '.';
      });
    }
    if ($('recherche-outil').options.length === 1) {
      for (const t of state.tools) {
        const o = document.createElement('option');
        o.value = t.id;
        o.textContent = t.name;
        $('recherche-outil').append(o);
      }
    }
    const q = requeteEvenements();
    const geo = (await api('GET', '/map/events?' + q)).data;
    if (marqueurs) { marqueurs.remove(); }
    marqueurs = L.geoJSON(geo, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 8, color: '#18753c', fillOpacity: 0.8 })
      .bindTooltip(f.properties.title || '') }).addTo(m);
    const page = (await api('GET', '/events?limit=20&' + q)).data;
    suivant = page.next ? q : null;
    $('evenements-suivants').hidden = !page.next;
    $('evenements-suivants').dataset.cursor = page.next || '';
    $('liste-evenements').replaceChildren(...(page.items.length ? page.items.map(ligneEvenement)
      : [li('Aucun événement pour cette recherche.')]));
    $('resultat-evenements').textContent = page.items.length + (page.next ? ' premiers' : '') + ' événement(s) trouvé(s).';
  }

  $('form-recherche-evenements').addEventListener('submit', async (e) => {
    e.preventDefault();
    await vueEvenements();
  });

  $('evenements-suivants').addEventListener('click', async () => {
    const page = (await api('GET', '/events?limit=20&' + suivant + '&cursor=' + encodeURIComponent($('evenements-suivants').dataset.cursor))).data;
    $('liste-evenements').append(...page.items.map(ligneEvenement));
    $('evenements-suivants').hidden = !page.next;
    $('evenements-suivants').dataset.cursor = page.next || '';
  });

  // ---------------------------------------------------------------- badges

  async function vueBadges() {
    const b = (await api('GET', '/me/badges?limit=100')).data.items;
    $('liste-badges').replaceChildren(...(b.length ? b.map((x) => li(x.badge + ' — ' + new Date(x.issuedOn).toLocaleDateString('fr-FR'))) : [li('Pas encore de badge.')]));
  }

  // ---------------------------------------------------------------- indicators

  async function vueIndicateurs() {
    const mois = new Date().toISOString().substring(0, 7);
    if (!$('ind-debut').value) { $('ind-debut').value = mois.substring(0, 4) + '-01'; $('ind-fin').value = mois.substring(0, 4) + '-12'; }
  }

  $('form-indicateurs').addEventListener('submit', async (e) => {
    e.preventDefault();
    const acad = (await api('GET', '/academies')).data.find((a) => a.name === state.staff.academie);
    const r = (await api('GET', '/indicators?level=ACADEMIE&code=' + acad.code + '&from=' + $('ind-debut').value + '&to=' + $('ind-fin').value)).data;
    const valeurs = [['Demandes ouvertes', r.ticketsOpened], ['Événements tenus', r.eventsHeld], ['Inscriptions', r.registrations],
      ['Participants', r.participants], ['Avis', r.feedbacks], ['Jours de BusNum', r.busNumDays]];
    const max = Math.max(1, ...valeurs.map((v) => v[1]));
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 600 ' + (valeurs.length * 40));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Graphique en barres : ' + valeurs.map((v) => v[0] + ' ' + v[1]).join(', '));
    valeurs.forEach((v, i) => {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', 0); t.setAttribute('y', i * 40 + 24); t.textContent = v[0];
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', 200); rect.setAttribute('y', i * 40 + 8); rect.setAttribute('height', 24);
      rect.setAttribute('width', Math.max(2, 340 * v[1] / max)); rect.setAttribute('fill', '#000091');
      const n = document.createElementNS(ns, 'text');
      n.setAttribute('x', 205 + 340 * v[1] / max); n.setAttribute('y', i * 40 + 24); n.textContent = String(v[1]);
      svg.append(t, rect, n);
    });
    $('graphique-svg').replaceChildren(svg);
    $('graphique').hidden = false;
    const corps = $('tableau-indicateurs').querySelector('tbody');
    corps.replaceChildren(...valeurs.map((v) => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<th scope="row"></th><td></td>';
      tr.firstChild.textContent = v[0];
      tr.lastChild.textContent = String(v[1]);
      return tr;
    }));
    $('tableau-indicateurs').hidden = false;
  });

  // ---------------------------------------------------------------- start

  (async () => {
    await vueConnexion();
    if (state.token) {
      try { await demarrer(); } catch (e) { deconnexion(); }
    }
    route();
  })();
})();
