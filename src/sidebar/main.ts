import { stationedCadrePack } from '../core/index';

document.getElementById('app')!.textContent = stationedCadrePack.title;
